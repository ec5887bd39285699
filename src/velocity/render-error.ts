import type { RenderErrorKind } from './types.js';

/** A problem found while rendering; `offset` points into the top-level template. */
export class VelocityRenderError extends Error {
  constructor(
    message: string,
    readonly kind: RenderErrorKind,
    readonly offset: number,
  ) {
    super(message);
  }
}

/** Thrown by a Java method stand-in, as a Java exception would be; the renderer adds the position. */
export class JavaMethodError extends Error {}
