import type { HolderKind, RestorationStep } from '#src/modules/powers/schema.ts';
import type { FunctionSpec, Track } from './powers-functions.ts';
import { type Cast, PORTFOLIOS, type Portfolio } from './powers-people.ts';

/** The evidence for each of seed 001's four criteria, all met in the demo's restorations. */
export interface Criteria {
  service: string;
  leadership: string;
  assurance: string;
  councillors: string;
}

export interface RestorationSpec {
  key: string;
  title: string;
  openedOn: string;
  proposedEffectiveDate: string;
  track: Track;
  criteria: (spec: FunctionSpec) => Criteria;
  returnsTo: (spec: FunctionSpec, cast: Cast) => { kind: HolderKind; personId: string | null; name: string };
  steps: Record<RestorationStep, { on: string; people: string; documents: string; notes?: string }>;
  pauses: {
    cause: 'representation' | 'conduct';
    on: string;
    detail: string;
    resolvedOn: string;
    resolution: string;
  }[];
  representations: { on: string; fromWhom: string; summary: string; response: string }[];
}

/** A restored function returns to the Cabinet Member for its portfolio (the Leader for the Leader's own). */
export const cabinetMember = (spec: FunctionSpec, cast: Cast) => {
  const portfolio = spec.portfolio as Portfolio;
  return {
    kind: 'cabinet_member' as const,
    personId: cast.members[portfolio],
    name: portfolio === 'leader' ? 'Leader of the Council' : `Cabinet Member for ${PORTFOLIOS[portfolio]}`,
  };
};
