// The case card: its facts, headline, protection panel, family, decision buttons, watches, in Swedish (docs/cards.md "The text catalogue").
import type { DeadlineKind } from '../../../domain/rules.js';

export const svCaseCard = {
  /** The case card (src/cards/caseCard.ts, src/views/caseHeadline.ts) and the 1:1 "Du har fått ett ärende". */
  caseCard: {
    newReport: 'Ny anmälan',
    received: 'Mottagen',
    reporter: 'Anmälare',
    professional: 'yrkesverksam',
    notProfessional: 'ej yrkesverksam',
    concerns: 'Oro',
    group: 'Grupp',
    phase: 'Fas',
    take: 'Ta ärendet',
    assign: 'Tilldela',
    reassign: 'Fördela om',
    actions: 'Åtgärder',
    history: 'Historik',
    openInSystem: 'Öppna i verksamhetssystemet',
    absentToday: (names: string) => `Frånvarande i dag: ${names}`,
    lastContact: (family: string, child: string) => `Senaste kontakt med familjen: ${family} · med barnet: ${child}`,
    noContact: 'ingen',
    noChildTalk: 'inget barnsamtal',
    linked: (group: string) => `Samma barn har ett öppet ärende i ${group}:`,
    choice: (name: string, load: string, absent: boolean, over: boolean) =>
      `${name} – ${load}${absent ? ' (frånvarande)' : over ? ' (över kapacitet)' : ''}`,
    outsideTitle: 'Ärende utanför barn och unga: inga tidsfrister bevakas',
    outsideDetail: 'Ärendet är registrerat för samordning med barn och unga.',
    skyddNeeded: ' – omedelbart skydd behövs',
    skyddNotNeeded: ' – inget omedelbart skyddsbehov',
    lvuTitle: (decided: string, enforced: string | undefined) =>
      `LVU: omedelbart omhändertagande ${decided}${enforced ? `, verkställt ${enforced}` : ' – verkställighet ej registrerad'}`,
    done: 'klar',
    doneAt: (when: string) => `klar ${when}`,
    overdue: (date: string) => `FÖRSENAD – skulle vara klar ${date}`,
    dueToday: (date: string) => `i dag, ${date}`,
    left: (date: string, days: string) => `${date} (${days} kvar)`,
    overrun: (statutory: string, date: string) =>
      `FÖRSENAD – fristen gick ut ${statutory}; förlängning beslutad i efterhand till ${date}`,
    statutory: (date: string) => `lagstadgat ${date}`,
    noWeekendGrace: (date: string) => `helg ger ingen extra tid: senast ${date}`,
    courtInfo: 'rättens frist (information)',
    alarmDetail: 'Ärendet ligger först i alla listor tills det har en handläggare och en registrerad skyddsåtgärd.',
  },
  /** The case card's headline (src/views/caseHeadline.ts). */
  headline: {
    closed: 'Ärendet är avslutat',
    noDeadlines: 'Inga öppna tidsfrister',
    late: (what: string) => `${what} FÖRSENAD`,
    lapsed: (date: string) => `fristen gick ut ${date}`,
    wasDue: (date: string, ago: string) => `skulle vara klar ${date} (${ago})`,
    yesterday: 'i går',
    daysAgo: (n: string) => `för ${n} sedan`,
    by: (label: string) => `${label} senast`,
    // What has to happen, in words, for each kind of deadline ("… i morgon").
    due: {
      skyddsbedomning: 'Skyddsbedömning ska göras',
      forhandsbedomning: 'Förhandsbedömningen ska vara klar',
      utredning: 'Utredningen ska vara klar',
      aterkoppling: 'Återkoppling till anmälaren ska ges',
      uppfoljning: 'Uppföljningen ska avslutas',
      utredning_information: 'Information om utredningen ska lämnas',
      uppfoljning_information: 'Information om uppföljningen ska lämnas',
    } as Partial<Record<DeadlineKind, string>>,
    // What is late, in words ("Återkoppling FÖRSENAD").
    lateNoun: {
      skyddsbedomning: 'Skyddsbedömning',
      forhandsbedomning: 'Förhandsbedömning',
      utredning: 'Utredning',
      aterkoppling: 'Återkoppling',
      uppfoljning: 'Uppföljning',
      utredning_information: 'Information om utredningen',
      uppfoljning_information: 'Information om uppföljningen',
    } as Partial<Record<DeadlineKind, string>>,
  },
  /** The immediate-protection alarm's headline (src/domain/protection.ts says the same in Swedish). */
  protection: {
    noMeasure: 'ingen skyddsåtgärd registrerad',
    noOwner: 'ingen handläggare',
    measure: {
      placement: 'placering',
      lvu_6: 'omedelbart omhändertagande enligt LVU 6 §',
      police: 'kontakt med polisen',
      other: 'annan skyddsåtgärd',
    } as Record<string, string>,
    unmet: (missing: string) => `Omedelbart skyddsbehov – ${missing}`,
    met: (measure: string, when: string, by: string) =>
      `Omedelbart skyddsbehov – skyddsåtgärd registrerad: ${measure} ${when} (${by})`,
  },
  /** The family section's headings (src/cards/familySection.ts). */
  family: {
    siblings: 'Syskon',
    sections: 'Andra sektioner med familjen',
    earlier: 'Tidigare utredningar om barnet',
  },
  /** The case card's decision buttons, by form (src/cards/decisionForms.ts, src/cards/lawForms.ts). */
  formButton: {
    skydd: 'Skyddsbedömning',
    forhand: 'Förhandsbedömning',
    extend: 'Förläng',
    contact: 'Kontakt',
    barnsamtal: 'Inget barnsamtal',
    aterkoppling: 'Återkoppling gjord',
    close: 'Avsluta',
    uppfoljning: 'Uppföljning avslutad',
    forhandExtend: 'Förläng förhandsbedömningen',
    information: 'Information om utredning',
    aterkopplingRequest: 'Anmälaren har begärt återkoppling',
    uppfoljningInfo: 'Informerat om uppföljning',
    lvuStart: 'Omedelbart omhändertagande (LVU)',
    lvuVerkstalld: 'LVU: verkställt',
    lvuNamnd: 'LVU: anmält till nämnden',
    lvuUnderstallning: 'LVU: underställt',
    lvuAnsokan: 'LVU: ansökan gjord',
    lvuCourtExtension: 'LVU: rätten gav mer tid',
    lvuDom: 'LVU: rättens beslut',
    lvuVard: 'LVU: vården påbörjad',
    lvuReview: 'LVU: övervägande/prövning',
    lvuRestriction: 'LVU: begränsning',
    lvuEnd: 'LVU: upphört',
    skyddsatgard: 'Skyddsåtgärd',
  } as Record<string, string>,
  /** What the watches say on a case card (src/app/watchLines.ts). */
  watch: {
    outOfHours: (when: string, pending: boolean) =>
      `Kom in utanför kontorstid (${when})${pending ? ': socialjouren gör skyddsbedömningen tills kontorstiden börjar' : ''}.`,
    nudged: (hours: number, when: string) =>
      `Skyddsbedömningen är inte gjord ${hours === 1 ? '1 kontorstimme' : `${hours} kontorstimmar`} efter anmälan: gruppledarna påmindes ${when}.`,
    vinrDead: (group: string, reason: string) =>
      `VINR-underrättelsen till ${group} kunde inte levereras: ${reason}. Se **leveranser**.`,
    vinrSending: (group: string) => `VINR-underrättelsen till ${group} skickas.`,
    vinrPosted: (group: string, when: string) => `${group} har fått VINR-underrättelsen${when ? ` ${when}` : ''}.`,
    reason: {
      no_channel: 'gruppen har ingen kopplad kanal',
      blocked: 'chatten är blockerad',
      disabled: 'boten är avstängd',
      gone: 'kanalen finns inte längre',
      retries_exhausted: 'Teams tog inte emot den',
      other: 'den nådde inte fram',
    } as Record<string, string>,
  },
  /** The family section's lines (src/app/family.ts familySectionView). */
  familyView: {
    sectionUnassigned: 'ej fördelat',
    since: (date: string) => `sedan ${date}`,
    suggestion: (names: string) => `Samma handläggare som syskonen föreslås: ${names} (förvalt under Tilldela).`,
    assignSiblings: (n: number) => `Ge ${n === 1 ? 'syskonet' : `syskonen (${n})`} samma handläggare`,
    violence: 'Våld i familjen: oro för våld finns i ett annat ärende i familjen. VINR har fått kännedom.',
    reports: (child: number, family: number | undefined) =>
      `Anmälningar de senaste 12 månaderna: ${child} om barnet${family !== undefined ? ` · ${family} i familjen` : ''}`,
    repeated: (nth: number, months: number) => `Upprepad anmälan: den ${nth}:e om barnet inom ${months} månader.`,
    opened: (date: string) => `inledd ${date}`,
    ongoing: 'pågår',
    closed: 'avslutad',
    outcome: {
      insats: 'avslutad med insats',
      ingen_insats: 'avslutad utan insats',
      not_opened: 'avslutad',
      already_ongoing: 'avslutad',
    } as Record<string, string>,
    consecutive: (n: number, since: string, total: string, overrunFrom: string | undefined) =>
      `Utredningar i följd: ${n} sedan ${since}, sammanlagt ${total}${
        overrunFrom ? ` – längre än lagens frist räknad från första inledandet (${overrunFrom})` : ''
      }.`,
  },
};
