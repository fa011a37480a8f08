/*
 * Titles of the demo's decisions, by function, in the order they are taken.
 * Illustrative: the seeds list no individual decisions. The senior posts are the ones seed 001 says
 * were being recruited to in November 2015.
 */
export const TOPICS: Record<string, string[]> = {
  'exec-corporate-strategy': [
    'Council Plan {year} and performance management framework',
    'Rotherham Together partnership: Community Strategy',
    'Sheffield City Region devolution deal: the Council’s response',
  ],
  'exec-neighbourhoods': [
    'Neighbourhood working model: ward plans',
    'Community engagement strategy after the 2015 roadshows',
    'Ward member budgets {year}',
  ],
  'exec-planning-policy': [
    'Local Plan: sites and policies document for consultation',
    'Supplementary planning document on housing design',
    'Community Infrastructure Levy charging schedule',
  ],
  'exec-economic-development': [
    'Economic Growth Plan: delivery plan {year}',
    'Business growth board: terms of reference',
    'Inward investment: land for a visitor attraction',
  ],
  'exec-town-centre': [
    'Town Centre Masterplan: adoption',
    'Town centre business vitality scheme {year}',
    'Higher education campus: land agreement',
  ],
  'exec-skills': ['Skills and employment plan {year}', 'Apprenticeship programme for care leavers'],
  'exec-highways': [
    'Highway maintenance programme {year}',
    'Road safety schemes {year}',
    'Street lighting: conversion to LED lanterns',
    'Bus partnership with the Passenger Transport Executive',
  ],
  'exec-flood-risk': ['Local flood risk management strategy', 'Flood alleviation scheme: next phase'],
  'exec-environmental-health': [
    'Food safety service plan {year}',
    'Air quality action plan',
    'Trading standards: illegal tobacco enforcement',
  ],
  'exec-waste': [
    'Household waste collection policy',
    'Street cleaning standards review',
    'Fly-tipping enforcement plan',
  ],
  'exec-grounds': ['Grounds maintenance service review', 'Parks and green spaces strategy'],
  'exec-community-safety': [
    'Safer Rotherham Partnership plan {year}',
    'Public spaces protection order for the town centre',
    'Anti-social behaviour: case review procedure',
  ],
  'exec-domestic-abuse': [
    'Domestic abuse strategy',
    'Refuge and outreach services: recommissioning',
    'Domestic homicide review: action plan',
    'Support for survivors of abuse: commissioning {year}',
  ],
  'exec-council-housing': [
    'Housing Revenue Account business plan {year}',
    'Council housing rents and service charges {next}',
    'Repairs and maintenance: performance improvement plan',
    'Tenant involvement framework',
  ],
  'exec-housing-strategy': [
    'Housing Growth Plan: site release programme',
    'Housing strategy {year}',
    'Affordable housing: council-led delivery scheme',
  ],
  'exec-homelessness': [
    'Homelessness prevention strategy',
    'Temporary accommodation: procurement',
    'Rough sleeping action plan',
  ],
  'exec-adult-social-care': [
    'Adult Social Care transformation programme',
    'Care home fees {next}',
    'Home care: recommissioning',
    'Adult Social Care charging policy',
    'Learning disability day services: consultation',
  ],
  'exec-health-integration': ['Better Care Fund plan {year}', 'Integrated locality teams with the NHS'],
  'exec-public-health': [
    'Sexual health services: recommissioning',
    'Drug and alcohol treatment services',
    'Health checks programme {year}',
  ],
  'exec-childrens-social-care': [
    'Children’s residential homes: review of in-house provision',
    'Social work workforce strategy: Enabling Excellence in Practice',
    'Early Help strategy and locality teams',
    'Fostering and adoption: improvement plan',
    'Child sexual exploitation: support for survivors',
  ],
  'exec-schools': [
    'School admission arrangements {next}',
    'Special educational needs: local offer',
    'School places: capital programme {year}',
  ],
  'exec-budget': [
    'Budget consultation and savings proposals {next}',
    'Medium-Term Financial Strategy: savings proposals',
    'Capital programme {year}',
  ],
  'exec-revenues-benefits': [
    'Council tax reduction scheme {next}',
    'Discretionary housing payments policy',
    'Business rates: discretionary relief policy',
  ],
  'exec-customer-ict': [
    'Customer access strategy',
    'ICT strategy {year}',
    'Digital council: online services',
  ],
  'exec-procurement': [
    'Procurement strategy {year}',
    'Social value policy',
    'Contract standing orders: revision',
  ],
  'exec-workforce': ['Workforce strategy {year}', 'Pay policy statement {year}', 'Staff survey: action plan'],
  'exec-asset-management': [
    'Asset management plan {year}',
    'Disposal of surplus land',
    'Office accommodation strategy',
  ],
  'exec-audit': ['Internal audit plan {year}', 'Risk management strategy', 'Counter fraud policy'],
  'exec-leisure': ['Leisure centres: management contract', 'Sport and physical activity strategy'],
  'exec-culture': ['Library strategy', 'Museums and heritage service review', 'Cultural strategy'],
  'lic-taxi': [
    'Hackney carriage and private hire licensing policy: review of standards',
    'Taxi licence fees {year}',
    'Safeguarding training for licence holders: refresher course',
    'Vehicle age and specification standards',
    'In-vehicle camera requirement: implementation',
  ],
  'lic-alcohol': [
    'Statement of licensing policy: consultation',
    'Cumulative impact assessment for the town centre',
  ],
  'lic-gambling': ['Gambling Act 2005 statement of principles'],
  'lic-other': ['Street trading policy', 'Sex establishment licensing policy'],
  'appoint-chief-finance-officer': ['Appointment of the Strategic Director of Finance and Customer Services'],
  'appoint-monitoring-officer': [
    'Appointment of the Assistant Director, Legal Services, as Monitoring Officer',
  ],
  'appoint-chief-officers': [
    'Appointment of the Strategic Director of Adult Care',
    'Appointment of the Strategic Director of Regeneration and Environment',
    'Appointment of the Assistant Chief Executive',
    'Appointment of a Deputy Director of Children’s Services',
  ],
  'nominate-outside-bodies': ['Nominations to outside bodies {year}'],
  'nominate-city-region': ['Nominations to the Sheffield City Region Combined Authority'],
};

/**
 * A topic's title for a decision on a date. `{year}` becomes the financial year
 * that starts in the decision's calendar year (plans for 2016/17 are made during
 * 2016); `{next}` the next financial year still to begin (fees and budgets are
 * set ahead: 2017/18 from April 2016 to March 2017).
 */
export function titleOn(topic: string, date: string): string {
  const year = Number(date.slice(0, 4));
  const next = Number(date.slice(5, 7)) >= 4 ? year + 1 : year;
  const financialYear = (start: number) => `${start}/${String(start + 1).slice(2)}`;
  return topic.replace('{year}', financialYear(year)).replace('{next}', financialYear(next));
}
