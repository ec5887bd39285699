/** A path Jayway would reject with InvalidPathException at compile time. */
export class JsonPathSyntaxError extends Error {
  readonly offset: number;
  readonly length: number;

  constructor(message: string, offset: number, length = 1) {
    super(message);
    this.name = 'JsonPathSyntaxError';
    this.offset = offset;
    this.length = length;
  }
}

export type JaywayException = 'PathNotFoundException' | 'InvalidPathException' | 'JsonPathException';

/** Raised while evaluating; mirrors the Jayway exception class so the result can say which one it was. */
export class JsonPathEvaluationError extends Error {
  readonly exception: JaywayException;

  constructor(exception: JaywayException, message: string) {
    super(message);
    this.name = 'JsonPathEvaluationError';
    this.exception = exception;
  }
}

export function pathNotFound(message: string): JsonPathEvaluationError {
  return new JsonPathEvaluationError('PathNotFoundException', message);
}
