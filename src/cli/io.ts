import { redactCredentials, secretsInEnvironment } from '../platform/redact.js';

/** Where commands write; replaced in tests. The CLI layer is the only code that prints or exits. */
export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  isTTY: boolean;
  env: NodeJS.ProcessEnv;
  cwd: string;
  /** Standard input as text; tests supply it, the process reads its own stdin when this is absent. */
  readStdin?: () => Promise<string>;
}

export function processIo(): CliIo {
  return redactingIo({
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    isTTY: process.stdout.isTTY === true,
    env: process.env,
    cwd: process.cwd(),
  });
}

/** The same io with credentials taken out of everything written: the environment's secrets and anything that looks like one. */
export function redactingIo(io: CliIo): CliIo {
  const secrets = secretsInEnvironment(io.env);
  return {
    ...io,
    stdout: (text) => io.stdout(redactCredentials(text, secrets)),
    stderr: (text) => io.stderr(redactCredentials(text, secrets)),
  };
}
