import { govukDate } from '#src/web/filters/dates.ts';
import type { Holding } from './rules/holders.ts';
import type { CommissionerRole, FunctionService, HolderKind, ProvisionMode } from './schema.ts';

/** Headings of the functions register's groups. */
export const SERVICE_LABELS: Record<FunctionService, string> = {
  executive: 'Executive functions',
  licensing: 'Licensing',
  statutory_appointments: 'Statutory appointments',
  nominations: 'Nominations to outside bodies',
  other: 'Other functions',
};

export const MODE_LABELS: Record<ProvisionMode, string> = {
  commissioners: 'Exercised by Commissioners',
  with_agreement: 'Exercised by the council with a Commissioner’s agreement',
  council: 'Left with the council',
};

export const HOLDER_KIND_LABELS: Record<HolderKind | 'commissioners' | 'constitution', string> = {
  commissioner: 'Commissioner',
  commissioners: 'Commissioners',
  cabinet: 'Cabinet',
  cabinet_member: 'Cabinet member',
  committee: 'Committee',
  full_council: 'Full Council',
  officer: 'Officer',
  constitution: 'Under the council’s constitution',
};

export const COMMISSIONER_ROLE_LABELS: Record<CommissionerRole, string> = {
  lead: 'Lead Commissioner',
  managing_director: 'Commissioner Managing Director',
  childrens: 'Children’s Commissioner',
  licensing: 'Commissioner for licensing',
  commissioner: 'Commissioner',
};

/** The sentence saying why a function is where it is on a date, from the records that put it there. */
export function whyHeld(h: Holding): string {
  const parts: string[] = [];
  if (h.restoration)
    parts.push(
      `Returned to the council by the restoration ‘${h.restoration.title}’, effective ${govukDate(h.since)}.`,
    );
  else if (h.direction && h.provision)
    parts.push(
      `${MODE_LABELS[h.provision.mode]} under ‘${h.direction.title}’, in force from ${govukDate(h.direction.inForceFrom)}.`,
    );
  else parts.push('No Direction applies: the council’s constitution decides who exercises it.');
  if (h.allocation)
    parts.push(
      `Allocated to ${h.allocation.holderName} from ${govukDate(h.allocation.fromDate)}: ${h.allocation.reason}`,
    );
  return parts.join(' ');
}

/** A holding as the JSON API gives it: the holder and the records that put them there. */
export function holdingJson(h: Holding) {
  return {
    function: {
      id: h.function.id,
      code: h.function.code,
      name: h.function.name,
      service: h.function.service,
      portfolio: h.function.portfolio,
    },
    mode: h.mode,
    holder: { kind: h.holder.kind, name: h.holder.name, personId: h.holder.personId },
    since: h.since,
    why: whyHeld(h),
    records: {
      direction: h.direction
        ? { id: h.direction.id, title: h.direction.title, inForceFrom: h.direction.inForceFrom }
        : null,
      provision: h.provision ? { id: h.provision.id, mode: h.provision.mode } : null,
      restoration: h.restoration ? { id: h.restoration.id, title: h.restoration.title } : null,
      allocation: h.allocation
        ? {
            id: h.allocation.id,
            holderName: h.allocation.holderName,
            fromDate: h.allocation.fromDate,
            toDate: h.allocation.toDate,
            reason: h.allocation.reason,
          }
        : null,
    },
  };
}

/** Holdings grouped under the register's headings, in register order. */
export function groupByService(holdings: Holding[]) {
  const groups = new Map<FunctionService, Holding[]>();
  for (const h of holdings) {
    const list = groups.get(h.function.service) ?? [];
    list.push(h);
    groups.set(h.function.service, list);
  }
  return [...groups].map(([service, list]) => ({
    service,
    heading: SERVICE_LABELS[service],
    holdings: list,
  }));
}

/** Today's calendar date in Europe/London, written YYYY-MM-DD. */
export function todayInLondon(now = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London' }).format(now);
}
