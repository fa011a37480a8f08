import { createHash } from 'node:crypto';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import { users } from '#src/auth/schema.ts';
import type { LedgeredTable } from '#src/ledger/records.ts';
import { councils, people } from '#src/modules/councils/schema.ts';
import * as improvement from '#src/modules/improvement/schema.ts';
import * as licensing from '#src/modules/licensing/schema.ts';
import * as powers from '#src/modules/powers/schema.ts';

export const councilEntity: LedgeredTable<typeof councils> = {
  entityType: 'council',
  table: councils,
  id: councils.id,
  councilOf: (row) => row.id,
};

export const personEntity: LedgeredTable<typeof people> = {
  entityType: 'person',
  table: people,
  id: people.id,
  councilOf: (row) => row.councilId,
};

export const userEntity: LedgeredTable<typeof users> = {
  entityType: 'user',
  table: users,
  id: users.id,
  councilOf: (row) => row.councilId,
  // The ledger is readable by auditors: it keeps a digest of the password hash, never the hash.
  state: ({ passwordHash, ...rest }) => ({
    ...rest,
    passwordHash: `sha256:${createHash('sha256').update(passwordHash).digest('hex')}`,
  }),
};

/** A ledgered table whose rows each belong to one council through `council_id`. */
function councilRecords<T extends PgTable & { councilId: PgColumn; id: PgColumn }>(
  entityType: string,
  table: T,
): LedgeredTable<T> {
  return {
    entityType,
    table,
    id: table.id,
    councilOf: (row) => (row as { councilId: string }).councilId,
  };
}

export const functionEntity = councilRecords('function', powers.councilFunctions);
export const directionEntity = councilRecords('direction', powers.directions);
export const provisionEntity = councilRecords('direction_provision', powers.directionProvisions);
export const appointmentEntity = councilRecords('commissioner_appointment', powers.commissionerAppointments);
export const allocationEntity = councilRecords('allocation', powers.allocations);
export const restorationEntity = councilRecords('restoration', powers.restorations);
export const restorationFunctionEntity = councilRecords('restoration_function', powers.restorationFunctions);
export const restorationStepEntity = councilRecords('restoration_step', powers.restorationSteps);
export const restorationPauseEntity = councilRecords('restoration_pause', powers.restorationPauses);
export const representationEntity = councilRecords('representation', powers.representations);
export const decisionEntity = councilRecords('decision', powers.decisions);

export const boardEntity = councilRecords('improvement_board', improvement.improvementBoards);
export const planEntity = councilRecords('plan', improvement.plans);
export const workstreamEntity = councilRecords('workstream', improvement.workstreams);
export const projectEntity = councilRecords('project', improvement.projects);
export const milestoneEntity = councilRecords('milestone', improvement.milestones);
export const rebaselineEntity = councilRecords('rebaseline', improvement.rebaselines);
export const managementActionEntity = councilRecords('management_action', improvement.managementActions);
export const commentaryEntity = councilRecords('project_commentary', improvement.projectCommentary);
export const recycledItemEntity = councilRecords('recycled_item', improvement.recycledItems);
export const indicatorEntity = councilRecords('indicator', improvement.indicators);
export const indicatorValueEntity = councilRecords('indicator_value', improvement.indicatorValues);
export const peerReviewEntity = councilRecords('peer_review', improvement.peerReviews);
export const recommendationEntity = councilRecords(
  'peer_review_recommendation',
  improvement.peerReviewRecommendations,
);

export const holderEntity = councilRecords('licence_holder', licensing.licenceHolders);
export const licenceEntity = councilRecords('licence', licensing.licences);
export const licensingCheckEntity = councilRecords('licensing_check', licensing.licensingChecks);
export const gateAttemptEntity = councilRecords('licence_gate_attempt', licensing.gateAttempts);
export const registerEntryEntity = councilRecords('licensing_register_entry', licensing.registerEntries);
export const reviewCaseEntity = councilRecords('licensing_review_case', licensing.reviewCases);
export const reviewHearingEntity = councilRecords('licensing_review_hearing', licensing.reviewHearings);
export const reviewDecisionEntity = councilRecords('licensing_review_decision', licensing.reviewDecisions);
export const vehicleCheckEntity = councilRecords('licensing_vehicle_check', licensing.vehicleChecks);
export const registerSearchEntity = councilRecords('licensing_register_search', licensing.registerSearches);

/** Every ledgered table, in the order verification checks them. */
export const LEDGERED_TABLES: readonly LedgeredTable[] = [
  councilEntity,
  personEntity,
  userEntity,
  functionEntity,
  directionEntity,
  provisionEntity,
  appointmentEntity,
  allocationEntity,
  restorationEntity,
  restorationFunctionEntity,
  restorationStepEntity,
  restorationPauseEntity,
  representationEntity,
  decisionEntity,
  boardEntity,
  planEntity,
  workstreamEntity,
  projectEntity,
  milestoneEntity,
  rebaselineEntity,
  managementActionEntity,
  commentaryEntity,
  recycledItemEntity,
  indicatorEntity,
  indicatorValueEntity,
  peerReviewEntity,
  recommendationEntity,
  holderEntity,
  licenceEntity,
  licensingCheckEntity,
  gateAttemptEntity,
  registerEntryEntity,
  reviewCaseEntity,
  reviewHearingEntity,
  reviewDecisionEntity,
  vehicleCheckEntity,
  registerSearchEntity,
] as unknown as readonly LedgeredTable[];
