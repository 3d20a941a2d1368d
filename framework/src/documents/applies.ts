/**
 * Whether a document applies to one record: the object's `documents.available` (model/override.ts;
 * every document applies when the object says nothing). The consult page offers only those, a
 * print or a mail of another is refused, and a batch leaves those records out.
 */
import type { Row } from '../db/connection.ts';
import type { DocumentRef } from '../model/override.ts';
import type { RegisteredObject } from '../model/registry.ts';

export const documentApplies = (object: RegisteredObject, record: Row, document: DocumentRef): boolean =>
  object.override.documents?.available(record, document) ?? true;
