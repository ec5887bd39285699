export type ImportGraph = Map<string, Set<string>>;
export function sourceFiles(dir?: string): string[];
export function fileGraph(): ImportGraph;
export function folderGraph(files: ImportGraph): ImportGraph;
export function cycles(graph: ImportGraph): string[][];
export function checkCycles(): string[];
