/** Content negotiation (内容协商): the media type of `offered` that `Accept` ranks highest. */
import Negotiator from 'negotiator';
import { httpMessage, httpText } from './locales/index.js';
import { HttpProblem } from './problem.js';

/** The best of `offered` for `accept` (the first offered when Accept is absent); 406 when none fits. */
export function negotiate<T extends string>(accept: string | undefined, offered: readonly T[]): T {
  if (!accept) return offered[0]!;
  const best = new Negotiator({ headers: { accept } }).mediaType([...offered]);
  if (best) return best as T;
  throw HttpProblem.of('not-acceptable', {
    detail: httpText(httpMessage('request.available-types', { types: offered })),
  });
}

/** The request's media type, if it is one of `accepted`; 415 otherwise. */
export function requireMediaType<T extends string>(contentType: string | undefined, accepted: readonly T[]): T {
  const type = (contentType ?? '').split(';')[0]!.trim().toLowerCase();
  if ((accepted as readonly string[]).includes(type)) return type as T;
  throw HttpProblem.of('unsupported-media-type', {
    detail: httpText(httpMessage('request.send-types', { types: accepted, got: type || undefined })),
  });
}
