/**
 * A tool object in the Velocity context ($esc, $math, ...). Only its own members are reachable from a
 * template; `properties` are read as `$tool.name` or `$tool.getName()`.
 */
export interface VelocityTool {
  readonly javaClass: string;
  readonly methods: Readonly<Record<string, (...args: unknown[]) => unknown>>;
  readonly properties: Readonly<Record<string, unknown>>;
}

const tools = new WeakSet<object>();

export function defineTool(
  javaClass: string,
  methods: Record<string, (...args: unknown[]) => unknown>,
  properties: Record<string, unknown> = {},
): VelocityTool {
  const tool: VelocityTool = Object.freeze({
    javaClass,
    methods: Object.freeze(Object.assign(Object.create(null) as object, methods)),
    properties: Object.freeze(Object.assign(Object.create(null) as object, properties)),
  });
  tools.add(tool);
  return tool;
}

export function isVelocityTool(value: unknown): value is VelocityTool {
  return typeof value === 'object' && value !== null && tools.has(value);
}
