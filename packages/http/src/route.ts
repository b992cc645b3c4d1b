/**
 * A route (接口) described once: method, path, zod schemas of its parameters, body and responses,
 * and its handler. The same description registers the Fastify route, validates the request and
 * the response, and writes the route into the OpenAPI document.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Lang, Principal } from '@ruralkit/core';
import type { z } from 'zod';

export interface ResponseSpec {
  description: string;
  /** The JSON body's schema (checked before it is sent). */
  schema?: z.ZodType;
  /**
   * Written by `JSON.stringify` rather than a serializer compiled from `schema`: for the
   * evaluation report, a large body core builds, which V8 writes about a quarter faster than the
   * compiled serializer (docs/performance.md). That the report holds nothing its schema does not
   * declare is held by the serialization test instead.
   */
  stringify?: boolean;
  /** Other media types the response may have instead (`text/html`, `application/x-ndjson`…). */
  media?: Record<string, { description?: string; schema?: z.ZodType; binary?: boolean }>;
  headers?: Record<string, string>;
  /** An example of the JSON body, for the document. */
  example?: unknown;
}

export interface RequestContext<P, Q, B> {
  request: FastifyRequest;
  reply: FastifyReply;
  /** Undefined on open routes only. */
  principal: Principal;
  params: P;
  query: Q;
  body: B;
  lang: Lang;
}

export interface RouteSpec<P = unknown, Q = unknown, B = unknown> {
  method: 'GET' | 'POST';
  /** Fastify's path form: `/plans/:plan`. */
  url: string;
  operationId: string;
  summary: string;
  description?: string;
  tag: string;
  /** Open routes (health, documents) need no principal. */
  open?: boolean;
  params?: z.ZodType<P>;
  query?: z.ZodType<Q>;
  /** The JSON body; other media types are read by the handler from `request.body`. */
  body?: z.ZodType<B>;
  /** An example of the JSON body, for the document. */
  bodyExample?: unknown;
  /** Media types the body may have besides JSON, for the document, each with an example where it is text. */
  bodyMedia?: Record<string, { description: string; schema?: z.ZodType; binary?: boolean; example?: unknown }>;
  /** Request headers the route reads, with their description. */
  headers?: Record<string, string>;
  responses: Record<number, ResponseSpec>;
  /** Problem statuses the route may answer, for the document. */
  problems: number[];
  handler: (context: RequestContext<P, Q, B>) => unknown;
}

/** Keep the handler's types tied to the route's schemas. */
export function route<P, Q, B>(spec: RouteSpec<P, Q, B>): RouteSpec {
  return spec as unknown as RouteSpec;
}
