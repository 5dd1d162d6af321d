// One document loader per indexed entity. Each reads straight from the database: all records, or
// only the given ids. A record that no longer qualifies (unpublished, hidden, deleted) is simply
// absent from the result, and the sync deletes it from the index.
import type { Database } from "../../db/client";
import type { IndexName } from "../indexes";
import { occupationDocuments } from "./occupations";
import { positionDocuments } from "./positions";
import { programmeDocuments } from "./programmes";
import { skillDocuments } from "./skills";
import { talentDocuments } from "./talents";

export type SearchDocument = Record<string, unknown> & { id: string };
export type DocumentLoader = (db: Database, ids?: string[]) => Promise<SearchDocument[]>;

export const documentsFor: Record<IndexName, DocumentLoader> = {
  occupations: occupationDocuments,
  skills: skillDocuments,
  programmes: programmeDocuments,
  positions: positionDocuments,
  talents: talentDocuments,
};
