import { suggestion, type Finding, type PathSegment, type Severity } from '../../diagnostics/index.js';
import { article, checkExpression, type ExpressionEnvironment, type VariableLookup } from '../expression/check-expression.js';
import { hasSubstitution, showSubstitutions } from '../expression/opaque.js';
import { anyType, assignable, isKnownType, scalarTypes, collectionOf, type ExpressionType } from '../expression/types.js';
import { actionModels, actionsSeenInRealFlows, menuChoiceActions, menuChoiceSettings, type ActionModel, type Setting } from './action-model.js';
import { archyRuleSeverity, type ArchyRuleId } from './archy-rules.js';
import { checkCallData, type ArchyActionCatalog } from './check-call-data.js';
import { archyFlowFacts, archyFlowType, commonRootKeys, familyRootKeys, type ArchyFlowFacts, type ArchyFlowType } from './flow-types.js';
import { FlowScopes, writableScopeNames, type DeclaredVariable } from './flow-scopes.js';
import type { ArchyDocument } from './read-archy.js';
import { referenceProblem } from './references.js';

export interface ArchyCheckOptions {
  /** The project's actions, to check callData against; without it callData is checked for shape only. */
  catalog?: ArchyActionCatalog;
  /** Severity of `archy-calldata-external` (a call to an action outside the project); default warn. */
  externalAction?: Severity | 'off';
}

type Path = PathSegment[];
type Json = unknown;

const wrapperKeys = ['lit', 'exp', 'noValue', 'tts', 'none', 'var'] as const;
const maxActionDepth = 100;


/**
 * Checks an Archy flow as Archy does at publish time, offline: its shape against the model of every flow
 * and action type, references, the actions the flow type allows, variables, value wrappers, expressions,
 * and each callData against the project's actions.
 */
export function checkArchy(document: ArchyDocument, options: ArchyCheckOptions = {}): Finding[] {
  if (!document.flow) return [];
  return new ArchyChecker(document, options).run();
}

class ArchyChecker implements ExpressionEnvironment {
  readonly findings: Finding[] = [];
  private readonly facts: ArchyFlowFacts;
  private readonly scopes: FlowScopes;
  private readonly declared = new Map<string, DeclaredVariable>();
  private readonly written = new Set<string>();
  private readonly refIds = new Map<string, Set<string>>();
  private readonly root: Path;
  private tooDeepReported = false;

  constructor(
    private readonly document: ArchyDocument,
    private readonly options: ArchyCheckOptions,
  ) {
    this.facts = archyFlowFacts[document.flowType];
    this.scopes = new FlowScopes(document.flowType);
    this.root = [document.rootKey];
  }

  run(): Finding[] {
    const flow = this.document.flow!;
    this.collect(flow);
    const allowed = new Set<string>([...commonRootKeys, ...familyRootKeys[this.facts.family]]);
    for (const [key, value] of Object.entries(flow)) {
      const path = [...this.root, key];
      if (!allowed.has(key)) {
        this.unknownKey(key, allowed, path, `${article(this.document.flowType)} flow`);
        continue;
      }
      if (['states', 'tasks', 'menus', 'bots'].includes(key) && !this.facts.containers.includes(key)) {
        this.report('archy-unknown-key', path, `${article(this.document.flowType)} flow has no ${key}; it holds ${this.facts.containers.join(' and ')}`, 'key');
        continue;
      }
      this.checkRootSetting(key, value, path);
    }
    return this.findings;
  }

  // ---- collection pass: declarations, refIds, written variables ----

  private collect(flow: Record<string, Json>): void {
    const rootScope = this.document.flowType === 'commonModule' ? ['Common', 'Flow'] : this.facts.family === 'bot' ? ['Flow', 'Slot'] : ['Flow'];
    this.declareAll(flow.variables, [...this.root, 'variables'], rootScope);
    for (const container of ['states', 'tasks', 'menus', 'bots']) {
      const items = flow[container];
      const ids = new Set<string>();
      this.refIds.set(container, ids);
      if (!Array.isArray(items)) continue;
      const kind = container.slice(0, -1);
      items.forEach((item, index) => {
        const body = isMap(item) ? item[kind] : undefined;
        if (!isMap(body)) return;
        for (const id of [body.refId, body.name]) if (typeof id === 'string') ids.add(id);
        const scope = container === 'tasks' ? 'Task' : container === 'states' ? 'State' : undefined;
        if (scope) this.declareAll(body.variables, [...this.root, container, index, kind, 'variables'], [scope]);
      });
    }
    collectWritten(flow, this.written);
  }

  private declareAll(list: Json, path: Path, scopes: readonly string[]): void {
    if (list === undefined || list === null) return;
    if (!Array.isArray(list)) return this.report('archy-shape', path, 'variables is a list of declarations such as "- stringVariable: {name: Flow.x}"');
    this.eachEntry(list, path, 'each variable is one "- <type>Variable:" entry', (key, body, typePath) => {
      const type = key.endsWith('Variable') ? key.slice(0, -'Variable'.length) : '';
      if (!isKnownType(type)) {
        const names = [...scalarTypes, ...scalarTypes.map(collectionOf)].map((t) => `${t}Variable`);
        return this.report('archy-variable-type-unknown', typePath, `"${key}" is not an Architect variable type${suggestion(key, names)}`, 'key');
      }
      if (!isMap(body)) return this.report('archy-shape', typePath, 'a variable declaration is a map with name, initialValue, …');
      this.checkKeys(body, ['name', 'initialValue', 'defaultValue', 'isInput', 'isOutput', 'description'], typePath, `a ${key} declaration`);
      const name = body.name;
      if (typeof name !== 'string' || hasSubstitution(name)) return;
      const scope = name.includes('.') ? name.slice(0, name.indexOf('.')) : '';
      if (!scopes.some((s) => s.toLowerCase() === scope.toLowerCase())) {
        return this.report('archy-variable-scope', [...typePath, 'name'], `"${name}" is declared here, where variables are ${scopes.map((s) => `${s}.<name>`).join(' or ')}`);
      }
      const lower = name.toLowerCase();
      const earlier = this.declared.get(lower);
      if (earlier) {
        return this.report('archy-variable-duplicate', [...typePath, 'name'], `"${name}" is declared more than once (names compare without case); remove one declaration`);
      }
      this.declared.set(lower, { type, path: typePath });
      if (body.initialValue !== undefined) this.checkValue(body.initialValue, [...typePath, 'initialValue'], type);
    });
  }

  // ---- root settings ----

  private checkRootSetting(key: string, value: Json, path: Path): void {
    switch (key) {
      case 'name':
      case 'description':
      case 'division':
      case 'defaultLanguage':
      case 'variables':
        return;
      case 'startUpRef':
        return this.checkReference(value, path, undefined);
      case 'initialGreeting':
        return this.checkValue(value, path);
      case 'startUpTaskActions':
        return this.checkActions(value, path, { inLoop: false, depth: 0 });
      case 'states':
      case 'tasks':
      case 'menus':
      case 'bots':
        return this.checkContainers(key, value, path);
      default:
        return this.walkGeneric(value, path, 0);
    }
  }

  private checkContainers(container: string, items: Json, path: Path): void {
    if (!Array.isArray(items)) return this.report('archy-shape', path, `${container} is a list of "- ${container.slice(0, -1)}:" entries`);
    const kind = container.slice(0, -1);
    items.forEach((item, index) => {
      const at = [...path, index];
      if (!isMap(item)) return this.report('archy-shape', at, `each entry is "- ${kind}:"`);
      for (const [key, body] of Object.entries(item)) {
        const bodyPath = [...at, key];
        if (key !== kind) {
          this.unknownKey(key, [kind], bodyPath, `${container}`);
          continue;
        }
        if (!isMap(body)) {
          this.report('archy-shape', bodyPath, `a ${kind} is a map with name, refId and its content`);
          continue;
        }
        this.checkContainer(kind, body, bodyPath);
      }
    });
  }

  private checkContainer(kind: string, body: Record<string, Json>, path: Path): void {
    const keys: Record<string, readonly string[]> = {
      state: ['name', 'refId', 'variables', 'actions', 'description'],
      task: ['name', 'refId', 'variables', 'actions', 'outputPaths', 'description'],
      menu: ['name', 'refId', 'audio', 'settingsMenu', 'settingsSpeechRec', 'choices', 'description'],
      bot: [],
    };
    if (kind === 'bot') return this.walkGeneric(body, path, 0);
    this.checkKeys(body, keys[kind]!, path, `a ${kind}`);
    if (body.actions !== undefined) this.checkActions(body.actions, [...path, 'actions'], { inLoop: false, depth: 0 });
    if (body.outputPaths !== undefined) this.walkGeneric(body.outputPaths, [...path, 'outputPaths'], 0);
    if (kind === 'menu') {
      if (body.audio !== undefined) this.checkValue(body.audio, [...path, 'audio']);
      for (const settings of ['settingsMenu', 'settingsSpeechRec']) if (body[settings] !== undefined) this.walkGeneric(body[settings], [...path, settings], 0);
      if (body.choices !== undefined) this.checkChoices(body.choices, [...path, 'choices']);
    }
  }

  private checkChoices(choices: Json, path: Path): void {
    if (!Array.isArray(choices)) return this.report('archy-shape', path, 'choices is a list of menu choices such as "- menuTask:"');
    this.eachEntry(choices, path, 'each choice is one "- menu<Choice>:" entry', (type, body, typePath) => {
      if (!(type in menuChoiceActions)) return this.report('archy-unknown-action', typePath, `"${type}" is not a menu choice${suggestion(type, Object.keys(menuChoiceActions))}`, 'key');
      if (!isMap(body)) return this.report('archy-shape', typePath, 'a menu choice is a map with name, dtmf and its settings');
      const actionType = menuChoiceActions[type];
      const model = actionType ? actionModels[actionType] : undefined;
      const settings: Record<string, Setting> = { ...menuChoiceSettings, ...(model?.settings ?? {}) };
      this.checkSettings(body, settings, typePath, `a ${type} choice`, { inLoop: false, depth: 1 });
    });
  }

  // ---- actions ----

  private checkActions(actions: Json, path: Path, context: { inLoop: boolean; depth: number }): void {
    if (actions === null || actions === undefined) return;
    if (!Array.isArray(actions)) return this.report('archy-shape', path, 'actions is a list of "- <action>:" entries');
    if (context.depth > maxActionDepth) {
      if (!this.tooDeepReported) this.report('archy-too-deep', path, `actions nest more than ${maxActionDepth} levels deep here; move the inner actions into a reusable task`);
      this.tooDeepReported = true;
      return;
    }
    this.eachEntry(actions, path, 'each action is one "- <actionType>:" entry', (type, body, at) => this.checkAction(type, body, at, context));
  }

  private checkAction(type: string, body: Json, path: Path, context: { inLoop: boolean; depth: number }): void {
    const model = actionModels[type];
    if (!model) {
      this.report('archy-unknown-action', path, `"${showSubstitutions(type)}" is not an Archy action${suggestion(type, Object.keys(actionModels))}`, 'key');
      return;
    }
    if (model.families && !model.families.includes(this.facts.family)) {
      this.report('archy-action-not-allowed', path, `${article(this.document.flowType)} flow cannot run ${type}`, 'key');
    } else if (model.families) {
      const excluded = this.compatibleFlowTypes().filter((t) => !model.families!.includes(archyFlowFacts[t].family));
      if (excluded.length) {
        this.report('archy-action-not-allowed', path, `the module is compatible with ${excluded.join(', ')}, which cannot run ${type}; remove ${type} or those flow types from compatibleFlowTypes`, 'key');
      }
    }
    if (model.inLoopOnly && !context.inLoop) {
      this.report('archy-loop-control', path, `${type} works only inside the loop path of a loop action`, 'key');
    }
    if (body === null || body === undefined) return;
    if (!isMap(body)) return this.report('archy-shape', path, `${type} takes a map of settings`);
    this.checkSettings(body, model.settings, path, type, context, model, actionsSeenInRealFlows.has(type) ? 'error' : 'warn');
  }

  private checkSettings(
    body: Record<string, Json>,
    settings: Readonly<Record<string, Setting>>,
    path: Path,
    what: string,
    context: { inLoop: boolean; depth: number },
    model?: ActionModel,
    unknownKeySeverity: Severity = 'error',
  ): void {
    for (const [key, value] of Object.entries(body)) {
      const at = [...path, key];
      if (key === 'name') continue;
      const setting = settings[key];
      if (!setting) {
        if (model?.open) this.walkGeneric(value, at, context.depth, context.inLoop);
        else this.unknownKey(key, ['name', ...Object.keys(settings)], at, what, unknownKeySeverity);
        continue;
      }
      this.checkSetting(setting, value, at, { ...context, inLoop: (what === 'loop' || what === 'loopUntil') && key === 'outputs' ? true : context.inLoop });
    }
  }

  private checkSetting(setting: Setting, value: Json, path: Path, context: { inLoop: boolean; depth: number }): void {
    switch (setting.kind) {
      case 'value':
        return this.checkValue(value, path, setting.type);
      case 'target':
        return this.checkTarget(value, path, undefined);
      case 'text':
        return;
      case 'ref':
        return this.checkReference(value, path, setting.container);
      case 'outputs':
        return this.checkOutputs(value, path, setting.paths, context);
      case 'targets':
        return this.checkTargetMap(value, path, setting.keys);
      case 'attributes':
        return this.checkAttributes(value, path, setting.write);
      case 'statements':
        return this.checkStatements(value, path);
      case 'callData':
        return this.checkCallDataCategory(value, path);
      case 'switch':
        return this.checkSwitch(value, path, context);
      case 'flowCall':
        return this.checkFlowCall(value, path);
      case 'valueList':
        if (Array.isArray(value)) {
          value.forEach((item, index) => {
            if (isMap(item) && setting.item in item) this.checkValue(item[setting.item], [...path, index, setting.item]);
            else this.report('archy-shape', [...path, index], `each entry is "- ${setting.item}: {exp: …}"`);
          });
          return;
        }
        return this.checkValue(value, path);
      case 'any':
        return this.walkGeneric(value, path, context.depth, context.inLoop);
    }
  }

  private checkOutputs(value: Json, path: Path, paths: readonly string[] | 'any', context: { inLoop: boolean; depth: number }): void {
    if (value === null || value === undefined) return;
    if (!isMap(value)) return this.report('archy-shape', path, 'outputs is a map of output paths, each {actions: [...]}');
    for (const [name, output] of Object.entries(value)) {
      const at = [...path, name];
      if (paths !== 'any' && !paths.includes(name)) {
        this.unknownKey(name, paths, at, 'the output paths of this action');
        continue;
      }
      const inLoop = context.inLoop;
      if (isMap(output)) {
        for (const [key, inner] of Object.entries(output)) {
          if (key === 'actions') this.checkActions(inner, [...at, 'actions'], { inLoop, depth: context.depth + 1 });
          else this.walkGeneric(inner, [...at, key], context.depth + 1, inLoop);
        }
      } else if (output !== null) {
        this.walkGeneric(output, at, context.depth + 1, inLoop);
      }
    }
  }

  private checkSwitch(value: Json, path: Path, context: { inLoop: boolean; depth: number }): void {
    if (!isMap(value)) return this.report('archy-shape', path, 'evaluate holds firstTrue or firstMatch');
    for (const [mode, body] of Object.entries(value)) {
      const at = [...path, mode];
      if (mode !== 'firstTrue' && mode !== 'firstMatch') {
        this.unknownKey(mode, ['firstTrue', 'firstMatch'], at, 'evaluate');
        continue;
      }
      if (!isMap(body)) {
        this.report('archy-shape', at, `${mode} is a map with cases and default`);
        continue;
      }
      const inner = { inLoop: context.inLoop, depth: context.depth + 1 };
      if (mode === 'firstTrue') {
        this.checkKeys(body, ['cases', 'default'], at, 'firstTrue');
        this.checkCases(body.cases, [...at, 'cases'], 'boolean', inner);
      } else {
        for (const [type, match] of Object.entries(body)) {
          const typeAt = [...at, type];
          if (type === 'default') continue;
          if (!isKnownType(type)) {
            this.report('archy-variable-type-unknown', typeAt, `"${type}" is not an Architect type${suggestion(type, scalarTypes)}`, 'key');
            continue;
          }
          if (!isMap(match)) continue;
          this.checkKeys(match, ['value', 'cases', 'default'], typeAt, `firstMatch ${type}`);
          if (match.value !== undefined) this.checkValue(match.value, [...typeAt, 'value'], type);
          this.checkCases(match.cases, [...typeAt, 'cases'], type, inner);
          if (isMap(match.default)) this.checkActions(match.default.actions, [...typeAt, 'default', 'actions'], inner);
        }
      }
      if (isMap(body.default)) this.checkActions(body.default.actions, [...at, 'default', 'actions'], inner);
    }
  }

  private checkCases(cases: Json, path: Path, type: string, context: { inLoop: boolean; depth: number }): void {
    if (cases === undefined || cases === null) return;
    if (!Array.isArray(cases)) return this.report('archy-shape', path, 'cases is a list of "- case:" entries');
    cases.forEach((item, index) => {
      const at = [...path, index, 'case'];
      const body = isMap(item) ? item.case : undefined;
      if (!isMap(body)) return this.report('archy-shape', [...path, index], 'each entry is "- case: {value: …, actions: […]}"');
      this.checkKeys(body, ['value', 'actions'], at, 'a case');
      if (body.value !== undefined) this.checkValue(body.value, [...at, 'value'], type);
      this.checkActions(body.actions, [...at, 'actions'], context);
    });
  }

  private checkAttributes(value: Json, path: Path, write: boolean): void {
    if (value === null || value === undefined) return;
    if (!Array.isArray(value)) return this.report('archy-shape', path, 'attributes is a list of "- attribute:" entries');
    value.forEach((item, index) => {
      const body = isMap(item) ? item.attribute : undefined;
      const at = [...path, index, 'attribute'];
      if (!isMap(body)) return this.report('archy-shape', [...path, index], 'each entry is "- attribute: {name: {lit: …}, …}"');
      this.checkKeys(body, write ? ['name', 'value'] : ['name', 'variable'], at, 'an attribute');
      if (body.name !== undefined) this.checkValue(body.name, [...at, 'name'], 'string');
      if (write && body.value !== undefined) this.checkValue(body.value, [...at, 'value']);
      if (!write && typeof body.variable === 'string') this.checkVariableName(body.variable, [...at, 'variable'], 'string');
    });
  }

  private checkStatements(value: Json, path: Path): void {
    if (!Array.isArray(value)) return this.report('archy-shape', path, 'statements is a list such as "- string: {variable: Flow.x, value: {exp: …}}"');
    this.eachEntry(value, path, 'each statement is one "- <type>:" entry', (type, body, typeAt) => {
      if (!isKnownType(type)) {
        return this.report('archy-variable-type-unknown', typeAt, `"${type}" is not an Architect type${suggestion(type, [...scalarTypes, ...scalarTypes.map(collectionOf)])}`, 'key');
      }
      if (!isMap(body)) return this.report('archy-shape', typeAt, 'a statement is {variable: …, value: …}');
      this.checkKeys(body, ['variable', 'value'], typeAt, `a ${type} statement`);
      if (typeof body.variable === 'string') this.checkVariableName(body.variable, [...typeAt, 'variable'], type);
      if (body.value !== undefined) this.checkValue(body.value, [...typeAt, 'value'], type);
    });
  }

  /** Each `- <key>: <body>` item of a list, with the path down to its key; any other item is reported with `shape`. */
  private eachEntry(list: readonly Json[], path: Path, shape: string, visit: (key: string, body: Json, at: Path) => void): void {
    list.forEach((item, index) => {
      const at = [...path, index];
      if (!isMap(item) || Object.keys(item).length !== 1) return this.report('archy-shape', at, shape);
      const [key, body] = Object.entries(item)[0]!;
      visit(key, body, [...at, key]);
    });
  }

  private checkFlowCall(value: Json, path: Path): void {
    if (!isMap(value)) return this.report('archy-shape', path, 'name the flow to call: {<flow name>: {ver_latestPublished: {inputs, outputs}}}');
    for (const [flowName, versions] of Object.entries(value)) {
      if (!isMap(versions)) continue;
      for (const [version, body] of Object.entries(versions)) {
        const at = [...path, flowName, version];
        if (!isMap(body)) continue;
        this.checkKeys(body, ['inputs', 'outputs', 'none'], at, 'a flow call');
        if (isMap(body.inputs)) for (const [name, input] of Object.entries(body.inputs)) this.checkValue(input, [...at, 'inputs', name]);
        if (isMap(body.outputs)) for (const [name, output] of Object.entries(body.outputs)) this.checkTarget(output, [...at, 'outputs', name], undefined);
      }
    }
  }

  private checkCallDataCategory(value: Json, path: Path): void {
    if (!isMap(value) || Object.keys(value).length !== 1) {
      return this.report('archy-shape', path, 'category holds one category name: {<category>: {dataAction: {<action name>: {inputs, successOutputs, failureOutputs}}}}');
    }
    const [category, body] = Object.entries(value)[0]!;
    const categoryPath = [...path, category];
    if (!isMap(body)) return this.report('archy-shape', categoryPath, 'the category holds dataAction: {<action name>: …}');
    this.checkKeys(body, ['dataAction'], categoryPath, 'a callData category');
    const actions = body.dataAction;
    if (!isMap(actions) || Object.keys(actions).length !== 1) return this.report('archy-shape', [...categoryPath, 'dataAction'], 'dataAction holds one action name');
    const [actionName, call] = Object.entries(actions)[0]!;
    const callPath = [...categoryPath, 'dataAction', actionName];
    if (call !== null && !isMap(call)) return this.report('archy-shape', callPath, 'the action holds inputs, successOutputs and failureOutputs');
    const body2 = (call ?? {}) as Record<string, Json>;
    this.checkKeys(body2, ['inputs', 'successOutputs', 'failureOutputs'], callPath, 'a data action call');
    const resolved = checkCallData(
      { category, actionName, call: body2, path: callPath },
      this.options.catalog,
      (ruleId, at, message, where) => this.report(ruleId, at, message, where),
      this.options.externalAction ?? 'warn',
    );
    for (const [name, input] of Object.entries(isMap(body2.inputs) ? body2.inputs : {})) {
      this.checkValue(input, [...callPath, 'inputs', name], resolved?.inputs.get(name)?.type);
    }
    for (const [key, output] of Object.entries(isMap(body2.successOutputs) ? body2.successOutputs : {})) {
      this.checkTarget(output, [...callPath, 'successOutputs', key], resolved?.outputs.get(key), 'archy-calldata-output-type', `output "${key}"`);
    }
    for (const [key, output] of Object.entries(isMap(body2.failureOutputs) ? body2.failureOutputs : {})) {
      this.checkTarget(output, [...callPath, 'failureOutputs', key], undefined);
    }
  }

  private checkTargetMap(value: Json, path: Path, keys: readonly string[] | undefined): void {
    if (value === null || value === undefined) return;
    if (!isMap(value)) return this.report('archy-shape', path, 'a map of output names to {var: …} or {noValue: true}');
    for (const [key, target] of Object.entries(value)) {
      if (keys && !keys.includes(key)) {
        this.unknownKey(key, keys, [...path, key], 'these outputs');
        continue;
      }
      this.checkTarget(target, [...path, key], undefined);
    }
  }

  // ---- values ----

  private checkValue(value: Json, path: Path, expected?: ExpressionType): void {
    if (!isMap(value)) {
      this.report('archy-value-wrapper', path, `a value is written as a wrapper: {lit: …}, {exp: …} or {noValue: true}${typeof value === 'string' ? `, e.g. {exp: ${JSON.stringify(showSubstitutions(value))}}` : ''}`);
      return;
    }
    const wrapper = this.wrapperOf(value, path, ['lit', 'exp', 'noValue', 'tts', 'none']);
    if (!wrapper) return;
    const inner = value[wrapper];
    if (wrapper === 'exp') {
      if (typeof inner !== 'string' && typeof inner !== 'number' && typeof inner !== 'boolean') {
        return this.report('archy-value-wrapper', [...path, 'exp'], 'exp holds the expression as text');
      }
      this.checkExpressionText(String(inner), [...path, 'exp'], expected);
    } else if (wrapper === 'lit') {
      this.checkLiteral(inner, [...path, 'lit'], expected);
    }
  }

  private checkLiteral(value: Json, path: Path, expected: ExpressionType | undefined): void {
    if (!expected || (typeof value === 'string' && hasSubstitution(value))) return;
    const fits: Record<string, (v: Json) => boolean> = {
      integer: (v) => Number.isInteger(v) || (typeof v === 'string' && /^-?\d+$/.test(v)),
      decimal: (v) => typeof v === 'number' || (typeof v === 'string' && /^-?\d+(\.\d+)?$/.test(v)),
      boolean: (v) => typeof v === 'boolean' || v === 'true' || v === 'false',
      duration: (v) => isMap(v),
    };
    const check = fits[expected];
    if (check && !check(value)) this.report('archy-variable-type', path, `${JSON.stringify(value)} is not a literal ${expected}`);
  }

  private checkTarget(value: Json, path: Path, expected: ExpressionType | undefined, ruleId: ArchyRuleId = 'archy-variable-type', what = 'the value'): void {
    if (!isMap(value)) return this.report('archy-value-wrapper', path, 'an output is bound with {var: <Scope.name>} or left with {noValue: true}');
    const wrapper = this.wrapperOf(value, path, ['var', 'noValue']);
    if (wrapper !== 'var') return;
    if (typeof value.var !== 'string') return this.report('archy-value-wrapper', [...path, 'var'], 'var holds a variable name such as Flow.result');
    this.checkVariableName(value.var, [...path, 'var'], expected, ruleId, what);
  }

  /** A variable written by the flow: a Scope.name the flow type has; its declared type must take `expected`. */
  private checkVariableName(name: string, path: Path, expected: ExpressionType | undefined, ruleId: ArchyRuleId = 'archy-variable-type', what = 'the value'): void {
    if (hasSubstitution(name)) return;
    const dot = name.indexOf('.');
    const scope = dot > 0 ? name.slice(0, dot) : '';
    const writable = writableScopeNames.find((s) => s.toLowerCase() === scope.toLowerCase());
    if (!writable || dot === name.length - 1) {
      return this.report('archy-variable-undeclared', path, `"${name}" is not a variable the flow can write; use ${this.scopes.writable.map((s) => `${s}.<name>`).join(', ')}`);
    }
    const scopeProblem = this.scopes.problem(writable);
    if (scopeProblem) return this.report('archy-variable-undeclared', path, scopeProblem);
    const declared = this.declared.get(name.toLowerCase());
    if (declared && expected && expected !== anyType && !assignable(expected, declared.type)) {
      this.report(ruleId, path, `${what} is ${article(expected)} but ${name} is ${article(declared.type)}; bind it to ${article(expected)} variable`);
    }
  }

  private wrapperOf(value: Record<string, Json>, path: Path, allowed: readonly string[]): string | undefined {
    const keys = Object.keys(value).filter((k) => k !== 'name');
    const present = keys.filter((k) => (wrapperKeys as readonly string[]).includes(k));
    for (const key of keys.filter((k) => !(wrapperKeys as readonly string[]).includes(k))) {
      this.report('archy-value-wrapper', [...path, key], `"${key}" is not a value wrapper; use ${allowed.join(', ')}${suggestion(key, allowed)}`, 'key');
      return undefined;
    }
    if (present.length !== 1) {
      this.report('archy-value-wrapper', path, present.length ? `a value has one wrapper, not ${present.join(' and ')}` : `the value is empty; write ${allowed.map((a) => `{${a}: …}`).join(' or ')}`);
      return undefined;
    }
    const wrapper = present[0]!;
    if (!allowed.includes(wrapper)) {
      const hint = wrapper === 'var' ? 'var binds an output; this setting takes a value' : `${wrapper} does not fit here`;
      this.report('archy-value-wrapper', [...path, wrapper], `${hint}: use ${allowed.join(', ')}`, 'key');
      return undefined;
    }
    if ((wrapper === 'noValue' || wrapper === 'none') && value[wrapper] !== true) {
      this.report('archy-value-wrapper', [...path, wrapper], `${wrapper} is written "${wrapper}: true"`);
      return undefined;
    }
    return wrapper;
  }

  private checkExpressionText(text: string, path: Path, expected: ExpressionType | undefined): void {
    const result = checkExpression(text, this, expected);
    const rules: Record<string, { ruleId: ArchyRuleId }> = {
      syntax: { ruleId: 'archy-expression-syntax' },
      'unknown-function': { ruleId: 'archy-expression-function' },
      arguments: { ruleId: 'archy-expression-arguments' },
      type: { ruleId: 'archy-expression-type' },
      'undeclared-variable': { ruleId: 'archy-variable-undeclared' },
    };
    for (const problem of result.problems) {
      this.report(rules[problem.code]!.ruleId, path, showSubstitutions(problem.message), 'value', { offset: problem.span.offset, length: Math.max(1, problem.span.length) });
    }
  }

  /** ExpressionEnvironment: how an expression's `Scope.Name` resolves in this flow. */
  variable(scope: string, name: string): VariableLookup {
    return this.scopes.lookup(scope, name, this.declared, this.written);
  }

  /** A common module's compatible flow types (settingsCommonModule.compatibleFlowTypes), each of which must run its actions. */
  private compatibleFlowTypes(): ArchyFlowType[] {
    if (this.document.flowType !== 'commonModule') return [];
    const settings = this.document.flow?.settingsCommonModule;
    const list = isMap(settings) && Array.isArray(settings.compatibleFlowTypes) ? settings.compatibleFlowTypes : [];
    return list.flatMap((item) => {
      const type = isMap(item) && typeof item.flowType === 'string' ? archyFlowType(item.flowType) : undefined;
      return type ? [type] : [];
    });
  }

  private checkReference(value: Json, path: Path, container: 'states' | 'tasks' | 'menus' | 'bots' | undefined): void {
    if (typeof value !== 'string') return this.report('archy-shape', path, 'a reference is text such as "/inboundCall/tasks/task[Main Task_10]"');
    const problem = referenceProblem(value, { rootKey: this.document.rootKey, container, refIds: this.refIds });
    if (problem) this.report('archy-reference', path, problem);
  }

  // ---- generic walking of settings dactl does not model key by key ----

  private walkGeneric(value: Json, path: Path, depth: number, inLoop = false): void {
    if (depth > maxActionDepth) return;
    if (Array.isArray(value)) {
      value.forEach((item, index) => this.walkGeneric(item, [...path, index], depth + 1, inLoop));
      return;
    }
    if (!isMap(value)) return;
    for (const [key, inner] of Object.entries(value)) {
      if (key === 'actions' && Array.isArray(inner)) this.checkActions(inner, [...path, key], { inLoop, depth: depth + 1 });
      else if (key === 'exp' && typeof inner === 'string') this.checkExpressionText(inner, [...path, key], undefined);
      else this.walkGeneric(inner, [...path, key], depth + 1, inLoop);
    }
  }

  // ---- reporting ----

  private checkKeys(body: Record<string, Json>, keys: readonly string[], path: Path, what: string): void {
    for (const key of Object.keys(body)) if (!keys.includes(key)) this.unknownKey(key, keys, [...path, key], what);
  }

  private unknownKey(key: string, candidates: Iterable<string>, path: Path, what: string, severity: Severity = 'error'): void {
    const unsure = severity === 'warn' ? ' (the settings of this action come from Genesys\'s documentation, not from real flows: a warning)' : '';
    this.report('archy-unknown-key', path, `"${showSubstitutions(key)}" is not a setting of ${what}${suggestion(key, candidates)}${unsure}`, 'key', undefined, severity);
  }

  private report(ruleId: ArchyRuleId, path: Path, message: string, at: 'key' | 'value' = 'value', span?: Finding['span'], fixedSeverity?: Severity): void {
    if (ruleId === 'archy-calldata-external' && this.options.externalAction === 'off') return;
    const external = ruleId === 'archy-calldata-external' && this.options.externalAction && this.options.externalAction !== 'off' ? this.options.externalAction : undefined;
    const severity: Severity = fixedSeverity ?? external ?? archyRuleSeverity.get(ruleId) ?? 'error';
    const finding: Finding = { ruleId, severity, message, path, at };
    if (span) finding.span = span;
    this.findings.push(finding);
  }
}

/** Every variable the flow writes: `var:` bindings, attribute and statement variables. */
function collectWritten(value: Json, written: Set<string>, depth = 0): void {
  if (depth > 400 || value === null || typeof value !== 'object') return;
  if (Array.isArray(value)) {
    for (const item of value) collectWritten(item, written, depth + 1);
    return;
  }
  for (const [key, inner] of Object.entries(value)) {
    if ((key === 'var' || key === 'variable') && typeof inner === 'string') written.add(inner.toLowerCase());
    else collectWritten(inner, written, depth + 1);
  }
}

function isMap(value: Json): value is Record<string, Json> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
