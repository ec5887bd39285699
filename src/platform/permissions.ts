const ACTIONS = '/api/v2/integrations/actions';

/**
 * The Genesys permission an endpoint needs (from the IntegrationsApi documentation), so a 403 can name it.
 * `path` is the request path without the query string.
 */
export function requiredPermission(method: string, path: string): string | undefined {
  const verb = method.toUpperCase();
  if (!path.startsWith(ACTIONS)) {
    return verb === 'GET' && path.startsWith('/api/v2/integrations') ? 'integrations:integration:view' : undefined;
  }
  const rest = path.slice(ACTIONS.length);

  if (/\/(draft\/)?test$/.test(rest) || /\/execute$/.test(rest)) return 'integrations:action:execute';
  if (/\/draft\/validation$/.test(rest)) return 'integrations:action:edit';
  if (verb === 'DELETE') return 'integrations:action:delete';
  if (verb === 'GET') return 'integrations:action:view';
  if (verb === 'POST' && (rest === '' || rest === '/drafts')) return 'integrations:action:add';
  if (verb === 'POST' || verb === 'PATCH' || verb === 'PUT') return 'integrations:action:edit';
  return undefined;
}
