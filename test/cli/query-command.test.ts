import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runBin, runCli } from '../support/cli.js';
import { repoRoot } from '../support/paths.js';

async function query(args: string[], stdin?: string) {
  return runCli(['query', ...args], stdin === undefined ? {} : { stdin });
}

const conversation = 'test/fixtures/responses/conversation-webchat.json';

describe('dactl query', () => {
  it('prints a definite result as JSON and exits 0', async () => {
    expect(await query(['$.participants[1].purpose', conversation])).toEqual({ code: 0, stdout: '"workflow"\n', stderr: '' });
  });

  it('prints an indefinite result as a pretty list', async () => {
    const result = await query(["$.participants[?(@.purpose=='customer')].chats[0].id", conversation]);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe('[\n  "8d1c2f4e-0b7a-4c61-9d3e-2f5a6b7c8d90"\n]\n');
  });

  it('keeps the .0 of a Java double', async () => {
    expect((await query(['$.n.sum()'], '{"n": [4, 6]}')).stdout).toBe('10.0\n');
  });

  it('exits 1 with the reason on stderr when nothing is found', async () => {
    const result = await query(['$.participants[9].id', conversation]);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe('not found: no results for path $.participants[9].id: index 9 is out of range at $[\'participants\'] (4 items)\n');
  });

  it('exits 2 for an invalid path, with a caret under the column', async () => {
    const result = await query(["$.participants[?(@.purpose=='customer'].id", conversation]);
    expect(result.code).toBe(2);
    const [message, path, caret] = result.stderr.split('\n');
    expect(message).toMatch(/^dactl: invalid JSONPath at column 17: /);
    expect(path).toBe("  $.participants[?(@.purpose=='customer'].id");
    expect(caret?.indexOf('^')).toBe(2 + 16);
  });

  it('reads standard input for - or no file', async () => {
    expect((await query(['$.a'], '{"a": [1]}')).stdout).toBe('[\n  1\n]\n');
    expect((await query(['$.a', '-'], '{"a": true}')).stdout).toBe('true\n');
  });

  it('exits 2 for a document that is not JSON or a missing file', async () => {
    const notJson = await query(['$.a'], '<html>');
    expect(notJson.code).toBe(2);
    expect(notJson.stderr).toContain('standard input: the document is HTML or XML');
    expect((await query(['$.a', 'missing.json'])).code).toBe(2);
  });

  it('works from the built binary, with a file or piped input', () => {
    expect(runBin(['query', '$.participants.length()', conversation])).toEqual({ code: 0, stdout: '4\n', stderr: '' });
    runBin(['--version']);
    const piped = spawnSync(process.execPath, [join(repoRoot, 'dist/bin.js'), 'query', '$.x'], { input: '{"y": 1}', encoding: 'utf8' });
    expect(piped.status).toBe(1);
    expect(piped.stderr).toContain('not found: ');
  });
});
