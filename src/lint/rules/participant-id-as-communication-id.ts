import { translationMapPath } from '../action-facts.js';
import { defineRule } from '../define-rule.js';

const communicationName = /(?:comm(?:unication)?|session)[-_]?ids?$/i;
const selectors = new Set(['index', 'slice', 'filter', 'wildcard']);

export default defineRule({
  id: 'participant-id-as-communication-id',
  description: "An output named like a communication or session id that is fed by a participant's own `id`.",
  defaultSeverity: 'error',
  recommended: true,
  messages: {
    participantId:
      '"{{name}}" is fed by a participant\'s own {{field}}, which is not a communication id: the communication is the media leg, participants[...].chats[0].id (or calls[0].id, ...) in the Conversations API and participants[...].sessions[0].sessionId in analytics',
  },
  check({ facts, report }) {
    const success = facts.template('success');
    const references = success ? facts.references(success) : [];
    for (const key of facts.translationKeys) {
      const parsed = facts.path(key);
      if (!parsed?.ok) continue;
      const ast = parsed.path.ast;
      const leaf = ast[ast.length - 1];
      if (leaf?.kind !== 'property' || leaf.names.length !== 1) continue;
      const field = leaf.names[0] as string;
      if (field !== 'id' && field !== 'participantId') continue;
      let i = ast.length - 2;
      while (i > 0 && selectors.has(ast[i]?.kind ?? '')) i--;
      const owner = ast[i];
      const ownedByParticipant =
        field === 'participantId' || (owner?.kind === 'property' && owner.names.length === 1 && owner.names[0] === 'participants');
      if (!ownedByParticipant) continue;
      const names = [key, ...references.filter((ref) => ref.root === key).map((ref) => facts.memberOf(ref).name)];
      const name = names.find((n): n is string => n !== undefined && communicationName.test(n));
      if (!name) continue;
      report({
        messageId: 'participantId',
        data: { name, field },
        path: [...translationMapPath, key],
        span: { offset: leaf.offset, length: leaf.length },
      });
    }
  },
});
