import { defineRule } from '../define-rule.js';

export default defineRule({
  id: 'timeout-out-of-range',
  description: 'A timeoutSeconds outside 1-60, which the Platform API rejects.',
  defaultSeverity: 'warn',
  recommended: true,
  messages: { range: 'timeoutSeconds is {{value}}, but data actions accept a whole number of seconds from 1 to 60' },
  check({ facts, report }) {
    const value = facts.timeoutSeconds;
    if (value === undefined) return;
    if (typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= 60) return;
    report({ messageId: 'range', data: { value: JSON.stringify(value) }, path: ['config', 'timeoutSeconds'] });
  },
});
