import {
  type Allocation,
  RESTORATION_STEPS,
  type Representation,
  type Restoration,
  type RestorationFunction,
  type RestorationPause,
  type RestorationStepRecord,
} from '#src/modules/powers/schema.ts';
import { stableId } from './ids.ts';
import type { FunctionSpec } from './powers-functions.ts';
import { NOT_WITHDRAWN, type Row } from './powers-model.ts';
import type { Cast } from './powers-people.ts';
import { appendixB } from './powers-restoration-2015.ts';
import { childrens, licensing } from './powers-restoration-later.ts';

/** The demo's restorations, in the order they were opened. */
export const RESTORATIONS = [appendixB, licensing, childrens];

export interface RestorationRecords {
  restorations: Row<Restoration>[];
  restorationFunctions: Row<RestorationFunction>[];
  restorationSteps: Row<RestorationStepRecord>[];
  restorationPauses: Row<RestorationPause>[];
  representations: Row<Representation>[];
  /** The revised allocation of each restored function, naming its restoration, from the effective date. */
  allocations: Row<Allocation>[];
}

/** The demo's restorations, every step completed and passed, with what each returned and to whom. */
export function restorationsOf(
  functions: { spec: FunctionSpec; id: string }[],
  cast: Cast,
): RestorationRecords {
  const out: RestorationRecords = {
    restorations: [],
    restorationFunctions: [],
    restorationSteps: [],
    restorationPauses: [],
    representations: [],
    allocations: [],
  };
  for (const r of RESTORATIONS) {
    const restorationId = stableId(`restoration:${r.key}`);
    out.restorations.push({
      id: restorationId,
      title: r.title,
      openedOn: r.openedOn,
      proposedEffectiveDate: r.proposedEffectiveDate,
      ...NOT_WITHDRAWN,
    });
    for (const { spec, id: functionId } of functions.filter((f) => f.spec.track === r.track)) {
      const c = r.criteria(spec);
      const to = r.returnsTo(spec, cast);
      out.restorationFunctions.push({
        id: stableId(`restoration-function:${r.key}:${spec.code}`),
        restorationId,
        functionId,
        serviceMet: true,
        serviceEvidence: c.service,
        leadershipMet: true,
        leadershipEvidence: c.leadership,
        assuranceMet: true,
        assuranceEvidence: c.assurance,
        councillorsMet: true,
        councillorsEvidence: c.councillors,
        returnsToKind: to.kind,
        returnsToPersonId: to.personId,
        returnsToName: to.name,
        ...NOT_WITHDRAWN,
      });
      out.allocations.push({
        id: stableId(`allocation:${spec.code}:${r.steps.effective.on}`),
        functionId,
        holderKind: to.kind,
        personId: to.personId,
        holderName: to.name,
        fromDate: r.steps.effective.on,
        toDate: null,
        restorationId,
        reason: `The revised allocation of the restoration “${r.title}”, effective ${r.steps.effective.on}.`,
        ...NOT_WITHDRAWN,
      });
    }
    for (const step of RESTORATION_STEPS) {
      const s = r.steps[step];
      out.restorationSteps.push({
        id: stableId(`restoration-step:${r.key}:${step}`),
        restorationId,
        step,
        completedOn: s.on,
        outcome: 'passed',
        people: s.people,
        documents: s.documents,
        notes: s.notes ?? null,
        ...NOT_WITHDRAWN,
      });
    }
    r.pauses.forEach((p, i) => {
      out.restorationPauses.push({
        id: stableId(`restoration-pause:${r.key}:${i}`),
        restorationId,
        cause: p.cause,
        pausedOn: p.on,
        detail: p.detail,
        resolvedOn: p.resolvedOn,
        resolution: p.resolution,
        ...NOT_WITHDRAWN,
      });
    });
    r.representations.forEach((p, i) => {
      out.representations.push({
        id: stableId(`representation:${r.key}:${i}`),
        restorationId,
        receivedOn: p.on,
        fromWhom: p.fromWhom,
        summary: p.summary,
        response: p.response,
        ...NOT_WITHDRAWN,
      });
    });
  }
  return out;
}
