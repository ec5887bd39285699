import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { OracleCase } from './oracle-case.js';

export type JavaResult = { id: string; ok: true; output: string } | { id: string; ok: false; kind: 'syntax' | 'runtime'; message: string };

const JAVA_DIR = join(import.meta.dirname, 'java');
const BUILD_DIR = join(import.meta.dirname, 'build');
const JAR_DIRS = ['/usr/share/java'];
/** Debian jar names; the first one found of each alternative is used. */
const JARS = [
  ['velocity-1.7.jar', 'velocity.jar'],
  ['velocity-tools-2.0.jar', 'velocity-tools.jar'],
  ['commons-collections3.jar', 'commons-collections.jar'],
  ['commons-lang.jar', 'commons-lang-2.6.jar'],
  ['commons-beanutils.jar'],
  ['commons-logging.jar'],
];

function classPath(): string {
  const found = JARS.map((alternatives) => {
    for (const dir of JAR_DIRS) for (const jar of alternatives) if (existsSync(join(dir, jar))) return join(dir, jar);
    throw new Error(
      `Java Velocity oracle: ${alternatives.join(' or ')} not found in ${JAR_DIRS.join(', ')}. ` +
        'Install: apt-get install -y velocity libvelocity-tools-java default-jdk-headless',
    );
  });
  return found.join(':');
}

/** Compiles the harness and renders the cases with Apache Velocity 1.7. Throws when Java is missing. */
export function renderWithJavaVelocity(cases: OracleCase[]): Map<string, JavaResult> {
  const cp = classPath();
  let stdout: string;
  mkdirSync(BUILD_DIR, { recursive: true });
  // A folder per call: the oracle test files run in parallel, and must not read each other's classes or cases.
  const runDir = mkdtempSync(join(BUILD_DIR, 'run-'));
  const sources = readdirSync(JAVA_DIR).filter((name) => name.endsWith('.java')).map((name) => join(JAVA_DIR, name));
  try {
    try {
      execFileSync('javac', ['-nowarn', '-encoding', 'UTF-8', '-cp', cp, '-d', runDir, ...sources], { stdio: 'pipe' });
    } catch (error) {
      throw new Error(`Java Velocity oracle: javac failed or is not installed (apt-get install -y default-jdk-headless): ${String(error)}`);
    }
    const casesFile = join(runDir, 'cases.json');
    writeFileSync(casesFile, JSON.stringify(cases));
    stdout = execFileSync('java', ['-Dfile.encoding=UTF-8', '-cp', `${runDir}:${cp}`, 'Harness', casesFile], {
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    });
  } finally {
    rmSync(runDir, { recursive: true, force: true });
  }
  const results = JSON.parse(stdout) as JavaResult[];
  return new Map(results.map((result) => [result.id, result]));
}
