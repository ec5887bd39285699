export function templateReferences(): never { throw new Error("todo"); }
