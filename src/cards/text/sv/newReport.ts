// The words of `ny anmälan`: the new-report form (cards/new-report.json, src/app/reportForm.ts) and the
// answers to it (src/bot/commands/newReport.ts, src/bot/actions/newReport.ts). English: ../en/newReport.ts.
// The validation messages of the fields come from the intake's own checks (src/app/ingestReport.ts).

export const newReportSv = {
  notRegisteredTitle: 'Du finns inte i organisationsfilen',
  notRegisteredText: 'Bara personal i organisationsfilen kan registrera anmälningar.',
  registered: (ref: string) => `Anmälan ${ref} är registrerad. Kortet postas i gruppens kanal.`,
  alreadyThere: (ref: string) => `Anmälan ${ref} fanns redan med samma innehåll; inget nytt har registrerats.`,
  conflict: 'Ärendet finns redan med annat innehåll. Kontrollera referensen.',
  notRegistered: 'Anmälan registrerades inte.',
  fixFields: 'Anmälan registrerades inte. Rätta fälten nedan.',
  /** The template's own words. */
  template: {
    title: 'Ny anmälan',
    intro:
      'Registrera en anmälan som kommit in på annat sätt än via verksamhetssystemet. Skriv aldrig personnummer, namn eller adress: ärendet identifieras med sin ärendereferens och barnet med sin pseudonyma referens.',
    externalId: 'Ärendereferens',
    externalIdPlaceholder: 't.ex. IFO-2026-004512',
    externalIdRequired: 'Ärendereferens krävs.',
    receivedDate: 'Mottagningsdatum',
    dateRequired: 'Datum krävs.',
    receivedTime: 'Klockslag',
    group: 'Grupp',
    groupRequired: 'Välj grupp.',
    childRef: 'Barnets referens',
    childRefPlaceholder: 't.ex. B-2026-0412 (aldrig personnummer)',
    childRefRequired: 'Barnets referens krävs.',
    familyRef: 'Familjens referens (frivillig)',
    familyRefPlaceholder: 'hushålls- eller familjenummer i verksamhetssystemet, t.ex. F-2026-0107',
    reporter: 'Anmälare',
    reporterRequired: 'Välj anmälare.',
    professional: 'Anmälaren är yrkesverksam (har anmälningsplikt och ska få återkoppling)',
    concerns: 'Oro',
    concernsRequired: 'Välj minst en.',
    summary: 'Kort sammanfattning (frivillig; inga personnummer eller namn)',
    submit: 'Registrera anmälan',
  },
};
