import type { Tx } from '../context.ts';
import type { DocumentKind } from './kinds.ts';

/**
 * The wording of a kind's editable passages for one organisation: its own override, else the installation's,
 * else the template's default. An unknown passage is a programming error, not a blank in a legal document.
 */
export async function templateTexts(db: Tx, kind: DocumentKind, orgId: number): Promise<(slot: string) => string> {
  const slots = Object.keys(kind.texts);
  const rows = slots.length
    ? await db
      .selectFrom('document_text')
      .select(['slot', 'org_id', 'text'])
      .where('kind', '=', kind.key)
      .where((eb) => eb.or([eb('org_id', '=', orgId), eb('org_id', 'is', null)]))
      .execute()
    : [];
  return (slot) => {
    const definition = kind.texts[slot];
    if (!definition) throw new Error(`document kind ${kind.key} has no text slot ${slot}`);
    return rows.find((r) => r.slot === slot && r.org_id === orgId)?.text ?? rows.find((r) => r.slot === slot && r.org_id === null)?.text ?? definition.text;
  };
}
