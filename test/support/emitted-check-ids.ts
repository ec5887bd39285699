import { join } from 'node:path';
import ts from 'typescript';
import { repoRoot } from './paths.js';

export interface EmittedId {
  /** The id, or a pattern with `*` for each interpolation (`${prefix}-type` → `*-type`). */
  id: string;
  where: string;
}

/**
 * Every check id src/ writes into a diagnostic: literals given to a `ruleId` property or to a parameter named
 * `ruleId`, through conditionals. Read with the type checker, so helpers that take the id are seen through.
 */
export function emittedCheckIds(): EmittedId[] {
  const config = ts.getParsedCommandLineOfConfigFile(join(repoRoot, 'tsconfig.build.json'), {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => undefined })!;
  const program = ts.createProgram({ rootNames: config.fileNames, options: config.options });
  const checker = program.getTypeChecker();
  const found: EmittedId[] = [];
  const collect = (node: ts.Expression, source: ts.SourceFile): void => {
    const where = `${source.fileName.slice(repoRoot.length + 1)}:${source.getLineAndCharacterOfPosition(node.getStart()).line + 1}`;
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) found.push({ id: node.text, where });
    else if (ts.isTemplateExpression(node)) found.push({ id: node.head.text + node.templateSpans.map((span) => `*${span.literal.text}`).join(''), where });
    else if (ts.isConditionalExpression(node)) {
      collect(node.whenTrue, source);
      collect(node.whenFalse, source);
    } else if (ts.isParenthesizedExpression(node)) collect(node.expression, source);
  };
  for (const source of program.getSourceFiles()) {
    if (!source.fileName.startsWith(join(repoRoot, 'src'))) continue;
    const visit = (node: ts.Node): void => {
      if (ts.isPropertyAssignment(node) && ts.isIdentifier(node.name) && node.name.text === 'ruleId') collect(node.initializer, source);
      if (ts.isCallExpression(node)) {
        const signature = checker.getResolvedSignature(node);
        node.arguments.forEach((argument, i) => {
          const parameter = signature?.parameters[i];
          if (parameter?.name === 'ruleId') collect(argument, source);
        });
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return found;
}
