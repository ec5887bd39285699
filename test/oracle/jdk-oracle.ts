import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';

/** One case for the JDK: an operation and its text fields (see jdk/JdkOracle.java). */
export interface JdkCase {
  readonly op: string;
  readonly pattern: string;
  readonly flags: string;
  readonly input: string;
  readonly argument: string;
}

const JARS = ['json-path.jar', 'json-smart.jar', 'slf4j-api.jar'].map((jar) => join('/usr/share/java', jar));
const SOURCE = join(import.meta.dirname, 'jdk', 'JdkOracle.java');
const BUILD_DIR = join(import.meta.dirname, 'build', 'jdk');

/**
 * Runs the cases on the JDK (java.util.regex, Double, BigDecimal, and Debian's Jayway JsonPath) and returns
 * one result per case: the text, or "!" and the exception class. Throws when Java or the jars are missing.
 */
export function runJdkOracle(cases: readonly JdkCase[]): string[] {
  const missing = JARS.filter((jar) => !existsSync(jar));
  if (missing.length > 0) throw new Error(`JDK oracle: ${missing.join(', ')} not found. Install: apt-get install -y libjsonpath-java default-jdk-headless`);
  const classPath = [BUILD_DIR, ...JARS].join(':');
  mkdirSync(BUILD_DIR, { recursive: true });
  execFileSync('javac', ['-nowarn', '-encoding', 'UTF-8', '-cp', classPath, '-d', BUILD_DIR, SOURCE], { stdio: 'pipe' });
  const b64 = (text: string): string => Buffer.from(text, 'utf8').toString('base64');
  const stdin = cases.map((c) => [c.op, c.pattern, c.flags, c.input, c.argument].map(b64).join('\t')).join('\n');
  const stdout = execFileSync('java', ['-cp', classPath, 'JdkOracle'], {
    input: `${stdin}\n`,
    encoding: 'utf8',
    stdio: ['pipe', 'pipe', 'ignore'],
    maxBuffer: 64 * 1024 * 1024,
  });
  return stdout.trim().split('\n').map((line) => Buffer.from(line, 'base64').toString('utf8'));
}
