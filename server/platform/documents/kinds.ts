import type { z } from 'zod';
import type { OfficialDocumentSpec } from './spec.ts';

/**
 * A kind of document the platform issues (受理通知书, 决定书 …), declared by the module that issues it.
 * `numbered` kinds get a 发文字号 from the (organisation, numberKind, year) sequence; kinds that share a
 * number series (e.g. all 决定书 of one organ) name the same numberKind.
 */
export type DocumentKindDefinition<T> = {
  key: string;
  title: string;
  numbered: boolean;
  /** The number series; defaults to the key. */
  numberKind?: string;
  /** Validates the data before build, when given. */
  input?: z.ZodType<T>;
  /** Passages administrators may reword (文书模板), with the default wording; build reads them via `text`. */
  texts?: Record<string, { title: string; text: string }>;
  build: (data: T, context: BuildContext) => OfficialDocumentSpec;
};

export type BuildContext = { docNumber: string | null; text: (slot: string) => string };

export type DocumentKind = {
  key: string;
  title: string;
  numbered: boolean;
  numberKind: string;
  texts: Record<string, { title: string; text: string }>;
  build: (data: unknown, context: BuildContext) => OfficialDocumentSpec;
};

const registry = new Map<string, DocumentKind>();

export function defineDocumentKind<T>(definition: DocumentKindDefinition<T>): DocumentKind {
  if (registry.has(definition.key)) throw new Error(`document kind ${definition.key} is declared twice`);
  const kind: DocumentKind = {
    key: definition.key,
    title: definition.title,
    numbered: definition.numbered,
    numberKind: definition.numberKind ?? definition.key,
    texts: definition.texts ?? {},
    // Without a schema the caller vouches for the data's shape, as with any typed template.
    build: (data, context) => definition.build(definition.input ? definition.input.parse(data) : (data as T), context),
  };
  registry.set(kind.key, kind);
  return kind;
}

/** Read access to the declared kinds (generation, the number-format admin page). */
export const documentKinds = {
  get: (key: string): DocumentKind | undefined => registry.get(key),
  list: (): DocumentKind[] => [...registry.values()].sort((a, b) => a.key.localeCompare(b.key)),
  /** Number series with the titles of the kinds using them, for choosing a format's kind. */
  numberSeries: (): { kind: string; titles: string[] }[] => {
    const series = new Map<string, string[]>();
    for (const k of registry.values()) if (k.numbered) series.set(k.numberKind, [...(series.get(k.numberKind) ?? []), k.title]);
    return [...series.entries()].map(([kind, titles]) => ({ kind, titles })).sort((a, b) => a.kind.localeCompare(b.kind));
  },
};
