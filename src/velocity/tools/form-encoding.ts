/** Lone surrogates become `?`, as Java's UTF-8 encoder writes them. */
export function wellFormed(text: string): string {
  return text.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '?');
}

/** Java `URLEncoder.encode(s, "UTF-8")`: keeps `A-Za-z0-9.-*_`, space becomes `+`. */
export function formEncode(text: string): string {
  return encodeURIComponent(wellFormed(text))
    .replace(/[!'()~]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)
    .replace(/%20/g, '+');
}

/** Assumed Genesys `uriEncode`: RFC 3986 percent-encoding, space becomes `%20`, `~` kept. */
export function uriEncode(text: string): string {
  return formEncode(text).replace(/\+/g, '%20').replace(/\*/g, '%2A');
}
