/*
 * The five LGA peer reviews seed 001 reports, with their conclusions in the
 * seed's words. The days of the reviews (August to October 2015, the Leisure
 * review the most recent) and the recommendations are illustrative; a
 * recommendation the plan acts on names the project that carries it out.
 */
import type { PeerReviewConclusion } from '#src/modules/improvement/schema.ts';
import { stableId } from './ids.ts';
import { type ImprovementSection, NOT_WITHDRAWN, type ProjectRow, SEED } from './improvement-model.ts';

interface ReviewSpec {
  service: string;
  reviewedOn: string;
  conclusion: PeerReviewConclusion;
  summary: string;
  /** Each recommendation, with the title of the plan's project that carries it out, if any. */
  recommendations: [text: string, project?: string][];
}

const GOOD_ENOUGH =
  'Seed 001: “The Peer Reviews of Highways and Transport, Planning and Housing have shown overall good enough services though inevitably with some suggestions for further improvements.”';

const REVIEWS: ReviewSpec[] = [
  {
    service: 'Highways and Transport',
    reviewedOn: '2015-08-12',
    conclusion: 'good_enough',
    summary: GOOD_ENOUGH,
    recommendations: [
      [
        'Tie the highway maintenance programme to a published asset management plan based on the condition of the network',
        'Highways and transport: acting on the peer review',
      ],
      ['Set service standards for reporting and repairing potholes, and publish performance against them'],
    ],
  },
  {
    service: 'Planning',
    reviewedOn: '2015-08-26',
    conclusion: 'good_enough',
    summary: GOOD_ENOUGH,
    recommendations: [
      [
        'Bring forward the Local Plan’s sites and policies so that decisions rest on an up-to-date plan',
        'Planning: acting on the peer review',
      ],
      ['Offer paid pre-application advice for major developments'],
    ],
  },
  {
    service: 'Housing',
    reviewedOn: '2015-09-16',
    conclusion: 'good_enough',
    summary: GOOD_ENOUGH,
    recommendations: [
      ['Set the pace of council-led housebuilding through the Housing Growth Plan', 'Housing Growth Plan'],
      ['Report repairs performance to tenants every quarter', 'Council housing repairs performance'],
      ['Agree one plan for acting on this review', 'Housing: acting on the peer review'],
    ],
  },
  {
    service: 'Waste Collection and Street Cleaning',
    reviewedOn: '2015-09-30',
    conclusion: 'critical',
    summary:
      'Seed 001: “The Peer Review of Waste Collections and Street Cleaning services was more critical saying there was an obvious improvement agenda to deliver better services and greater value for money.”',
    recommendations: [
      [
        'Redesign collection rounds to cut cost and missed collections',
        'Waste collection and street cleaning: improvement programme',
      ],
      [
        'Compare the cost of the service with similar councils and set value for money targets',
        'Waste collection and street cleaning: improvement programme',
      ],
      ['Tackle fly-tipping with visible enforcement', 'Fly-tipping enforcement'],
    ],
  },
  {
    service: 'Leisure, Culture and Sport',
    reviewedOn: '2015-10-21',
    conclusion: 'improvement_needed',
    summary:
      'Seed 001: “The most recent Peer Review - Leisure, Culture and Sport - points to a need for improved coherent strategic direction and better positioning of the service, balanced with some excellent examples of service delivery and positive commitment from staff and managers.”',
    recommendations: [
      [
        'Agree one strategy for leisure, culture and sport that serves the Council’s new Vision',
        'Leisure, culture and sport: strategic direction',
      ],
      ['Position the service within the Economic Growth Strategy and the Town Centre Masterplan'],
      ['Share the service’s excellent examples of delivery across all its teams'],
    ],
  },
];

/** The peer reviews and their recommendations, linked to the plan's `projects` by title. */
export function peerReviewsOf(
  projects: readonly ProjectRow[],
): Pick<ImprovementSection, 'peerReviews' | 'recommendations'> {
  const projectId = (title: string) => {
    const found = projects.find((p) => p.title === title);
    if (!found) throw new Error(`No project of the demo plan is called “${title}”.`);
    return found.id;
  };
  const key = (s: string) => s.toLowerCase().replace(/[^a-z]+/g, '-');
  return {
    peerReviews: REVIEWS.map((r) => ({
      id: stableId(`improvement:peer-review:${key(r.service)}`),
      service: r.service,
      reviewedOn: r.reviewedOn,
      reviewers: 'LGA peer review team',
      conclusion: r.conclusion,
      summary: r.summary,
      source: `${SEED.report}. Illustrative: the day of the review and its recommendations.`,
      ...NOT_WITHDRAWN,
    })),
    recommendations: REVIEWS.flatMap((r) =>
      r.recommendations.map(([text, title], i) => ({
        id: stableId(`improvement:recommendation:${key(r.service)}:${i}`),
        peerReviewId: stableId(`improvement:peer-review:${key(r.service)}`),
        text,
        projectId: title ? projectId(title) : null,
        ...NOT_WITHDRAWN,
      })),
    ),
  };
}
