import { existsSync, statSync } from 'node:fs';
import { beforeAll, describe, expect, test } from 'vitest';
import { APACHE_TEMPLATE_DIFFERENCES, selectApacheTemplates, type ApacheTemplate } from './cases/apache-templates.js';
import { compareWithJava } from './compare-results.js';
import { renderWithJavaVelocity, type JavaResult } from './java-velocity.js';

/**
 * Apache Velocity 1.7's own test templates, read from where they are (never copied here):
 * DACTL_VELOCITY_TESTS=/path/to/velocity-1.7/test/templates npm run test:oracle -- test/oracle/apache-templates.test.ts
 */
const folder = process.env.DACTL_VELOCITY_TESTS;
const present = folder !== undefined && existsSync(folder) && statSync(folder).isDirectory();
const howTo =
  'set DACTL_VELOCITY_TESTS to the test/templates folder of an Apache Velocity 1.7 source ' +
  '(DACTL_VELOCITY_TESTS=/path/to/velocity-1.7/test/templates npm run test:oracle -- test/oracle/apache-templates.test.ts)';

/** Renders the templates with both engines: the agreement figure, and what fails the test. */
function agreement(templates: ApacheTemplate[], java: Map<string, JavaResult>): { agreeing: number; failures: string[] } {
  const failures: string[] = [];
  let agreeing = 0;
  for (const { file, text } of templates) {
    const verdict = compareWithJava({ id: file, template: text }, java.get(file));
    const known = APACHE_TEMPLATE_DIFFERENCES[file];
    if (verdict.agree) agreeing++;
    if (verdict.agree && known) failures.push(`${file} now agrees: remove it from APACHE_TEMPLATE_DIFFERENCES`);
    if (!verdict.agree && known) console.log(`known difference ${file}: ${known}`);
    if (!verdict.agree && !known) failures.push(`${file}\n  java:  ${verdict.java}\n  dactl: ${verdict.dactl}`);
  }
  return { agreeing, failures };
}

if (!present) {
  console.warn(`Skipping the Apache Velocity test templates: ${folder ? `${folder} is not a folder; ` : ''}${howTo}.`);
  describe.skip(`Apache Velocity 1.7 test templates (skipped: ${howTo})`, () => test('agree', () => undefined));
} else {
  const selection = selectApacheTemplates(folder);
  let java: Map<string, JavaResult>;

  beforeAll(() => {
    // Velocity 1.7 loads VM_global_library.vm from the working directory when it finds one; dactl never does.
    expect(existsSync('VM_global_library.vm'), 'a VM_global_library.vm in the working directory would reach Java only').toBe(false);
    const templates = [...selection.compared, ...selection.withoutSetup];
    java = renderWithJavaVelocity(templates.map(({ file, text }) => ({ id: file, template: text })));
    for (const { file, reason } of selection.leftOut) console.log(`left out ${file}: ${reason}`);
  });

  describe(`Apache Velocity 1.7 test templates in ${folder}`, () => {
    test('the templates that need nothing from TemplateTestCase agree with Apache Velocity 1.7', () => {
      const { agreeing, failures } = agreement(selection.compared, java);
      console.log(`Apache 1.7 test templates: ${agreeing}/${selection.compared.length} agree`);
      expect(selection.compared.length, 'no template of the folder can be compared').toBeGreaterThan(0);
      expect(failures, failures.join('\n\n')).toEqual([]);
    });

    test("the templates that use TemplateTestCase's objects or macros agree with those unset", () => {
      for (const { file, reason } of selection.withoutSetup) console.log(`without its setup ${file}: ${reason}`);
      const { agreeing, failures } = agreement(selection.withoutSetup, java);
      console.log(`Apache 1.7 test templates without TemplateTestCase's setup: ${agreeing}/${selection.withoutSetup.length} agree`);
      expect(failures, failures.join('\n\n')).toEqual([]);
    });
  });
}
