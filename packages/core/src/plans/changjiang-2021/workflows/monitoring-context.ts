/** The context (上下文) of a `poverty-monitoring` case: what the machine keeps of a household's monitoring. */

/** A risk type id of the plan (its own or a plugin's). */
export type RiskType = string;

export interface Measure {
  riskType: RiskType;
  measure: string;
  unit: string;
  developmental: boolean;
  at: string;
  /** The monitoring cycle it belongs to (a reopened case starts a new cycle). */
  cycle: number;
}

export interface PovertyMonitoringContext {
  village: string;
  household: string;
  householdHead?: string;
  /** 1 for the first case; +1 each time a new risk reopens monitoring. */
  cycle: number;
  flags: { at: string; channel: string; riskTypes: RiskType[]; note: string; by: string }[];
  /** Risk types flagged and not yet confirmed. */
  flaggedRisks: RiskType[];
  /** Risk types confirmed (入户核实) in this cycle, plus risks flagged while assisting. */
  confirmedRisks: RiskType[];
  suggestedCategory?: string;
  verification?: { at: string; perCapitaIncomeCny: number; hasLaborCapacity: boolean; consentSigned: boolean };
  reviews: { at: string; passed: boolean; meetingOn?: string; attendees?: number; reason?: string }[];
  noticeStartedAt?: string;
  objections: { at: string; content: string }[];
  category?: string;
  measures: Measure[];
  resolvedRisks: RiskType[];
  incomes: { month: string; perCapitaIncomeCny: number }[];
  eliminationNoticeStartedAt?: string;
  eliminatedOn?: string;
  closedReason?: string;
}
