/**
 * The relations (关系) an instance's context records, that a grant can ask for: the unit the case
 * is assigned to and who reported it. Read by authorization, privacy and the search index.
 */

/** What the instance knows about the relations a grant can ask for. */
export interface RelationFacts {
  assigneeUnit?: string;
  reporter?: string;
}

/** The relation facts an instance's context holds: its assignee unit and its reporter. */
export function relationFactsOf(context: Record<string, unknown> | undefined): RelationFacts {
  const facts = (context ?? {}) as RelationFacts;
  return { assigneeUnit: facts.assigneeUnit, reporter: facts.reporter };
}
