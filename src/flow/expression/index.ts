/** The Architect expression language: parser, function catalogue and type checker. */
export type { ExpressionNode, ExpressionProblem, Span } from './ast.js';
export { parseExpression, ExpressionSyntaxError } from './parser.js';
export { checkExpression, article, type ExpressionCheck, type ExpressionEnvironment, type VariableLookup, type VariableReference } from './check-expression.js';
export { functionOverloads, functionNames, describeSignature, type FunctionSignature } from './functions.js';
export { anyType, assignable, collectionOf, isCollectionType, isKnownType, itemType, scalarTypes, type ExpressionType } from './types.js';
export { hasSubstitution, showSubstitutions, substitutionMarker } from './opaque.js';
