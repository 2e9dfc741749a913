// The app's own words in Dutch (default) and English. Engine texts (rules, parameters,
// measures, scenario stories, the event log) carry their own nl/en labels.
import type { Lang } from './state/url.ts';
export type { Lang };

const S = {
  subtitle: { nl: 'netwerksimulatie: kern, periferie en spelregels', en: 'network simulation: core, periphery and rules of the game' },
  play: { nl: 'Afspelen', en: 'Play' },
  pause: { nl: 'Pauze', en: 'Pause' },
  step: { nl: 'Stap', en: 'Step' },
  reset: { nl: 'Opnieuw', en: 'Reset' },
  speed: { nl: 'Tempo', en: 'Speed' },
  perSecond: { nl: 'rondes/s', en: 'ticks/s' },
  max: { nl: 'max', en: 'max' },
  tick: { nl: 'Ronde', en: 'Tick' },
  more: { nl: 'Verder:', en: 'More:' },
  monitorHint_richten: { nl: 'hoe dicht de voorkeuren van de betrokken actoren bij elkaar liggen (0–1)', en: 'how close the engaged actors\' preferences are (0–1)' },
  monitorHint_leren: { nl: 'hoe goed en hoe eensgezind de actoren de kennisaspecten kennen (0–1)', en: 'how well and how alike the actors know the knowledge aspects (0–1)' },
  monitorHint_handelen: { nl: 'deel van de middelen van betrokken actoren dat deze ronde in gezamenlijke projecten gaat (0–1)', en: 'share of engaged actors\' resources put into joint projects this tick (0–1)' },
  monitorHint_impact: { nl: 'opgetelde effectieve opbrengst per eenheid startmiddelen', en: 'cumulative effective output per unit of initial resources' },
  monitorHint_core: { nl: 'aantal actoren in de kern', en: 'number of actors in the core' },
  monitorHint_periphery: { nl: 'aantal actoren in de periferie', en: 'number of actors in the periphery' },
  monitorHint_outside: { nl: 'aantal actoren buiten het netwerk', en: 'number of actors outside the network' },
  monitors: { nl: 'Meters', en: 'Monitors' },
  about: { nl: 'ⓘ Uitleg', en: 'ⓘ About' },
  unknownScenario: { nl: "Deze link noemt scenario '{id}', maar dat staat niet in deze browser en de link bevat het niet. Vraag om het scenariobestand en open het met ‘Importeer’. Nu getoond: jeugdhulp. (Bekend: {valid})", en: "This link names scenario '{id}', but it is not in this browser and the link does not carry it. Ask for the scenario file and open it with ‘Import’. Shown instead: jeugdhulp. (Known: {valid})" },
  linkTooLarge: { nl: "Scenario '{id}' is te groot om in een link mee te reizen. Het scenariobestand is gedownload: stuur het mee met de link; de ontvanger opent het met ‘Importeer’.", en: "Scenario '{id}' is too large to travel in a link. The scenario file was downloaded: send it along with the link; the receiver opens it with ‘Import’." },
  whatIf: { nl: 'Wat als hier?', en: 'What if here?' },
  whatIfHint: { nl: 'Klik een ronde in de grafiek of het logboek; de run gaat vanaf daar verder als aftakking, het origineel blijft vaag zichtbaar.', en: 'Click a tick on the chart or in the log; the run goes on from there as a branch, the original stays drawn faint.' },
  whatIfClose: { nl: 'Origineel verbergen', en: 'Hide original' },
  whatIfStarted: { nl: 'Aftakking vanaf ronde {tick}: kies een ingreep en speel af', en: 'Branch from tick {tick}: choose an intervention and play' },
  original: { nl: 'origineel', en: 'original' },
  refused: { nl: 'Ingreep geweigerd (de run gaat door)', en: 'Intervention refused (the run goes on)' },
  controlsDrawer: { nl: '☰ Bediening', en: '☰ Controls' },
  moreTicks: { nl: 'rondes verder (de run wordt langer; staat in de link)', en: 'more ticks (extends the run; kept in the link)' },
  runEnded: { nl: 'Einde van de run. Verder met +10, +50 of +100.', en: 'End of the run. Go on with +10, +50 or +100.' },
  scenario: { nl: 'Scenario', en: 'Scenario' },
  watchFor: { nl: 'Let op', en: 'Watch for' },
  seed: { nl: 'Seed', en: 'Seed' },
  actors: { nl: 'Actoren', en: 'Actors' },
  rules: { nl: 'Spelregels', en: 'Rules of the game' },
  rulesHint: { nl: 'Een wijziging tijdens de run is een ingreep: ze geldt vanaf de volgende ronde en komt in het logboek.', en: 'A change during the run is an intervention: it applies from the next tick and is logged.' },
  preset: { nl: 'Voorinstelling', en: 'Preset' },
  scenarioOwn: { nl: 'van het scenario', en: "the scenario's own" },
  ownProfiles: { nl: 'eigen profielen (scenario)', en: "each actor's own profile (scenario)" },
  custom: { nl: 'eigen mix…', en: 'custom mix…' },
  apply: { nl: 'Toepassen', en: 'Apply' },
  strongestClaim: { nl: 'geen (sterkste claim in de kern)', en: 'none (strongest claim in the core)' },
  levers: { nl: 'Zes domeinen: ingrepen', en: 'Six domains: levers' },
  agendering: { nl: 'Urgentie aanscherpen', en: 'Raise urgency' },
  platform: { nl: 'Platform financieren', en: 'Fund a platform' },
  mobilise: { nl: 'Mobiliseer', en: 'Mobilise' },
  mandate: { nl: 'Geef mandaat aan', en: 'Grant a mandate to' },
  broker: { nl: 'Breng samen', en: 'Broker' },
  with: { nl: 'met', en: 'with' },
  go: { nl: 'Doe', en: 'Go' },
  everyone: { nl: 'iedereen', en: 'everyone' },
  sector: { nl: 'Sector', en: 'Sector' },
  group: { nl: 'Groep', en: 'Group' },
  network: { nl: 'Netwerk', en: 'Network' },
  byPosition: { nl: 'ringen: positie', en: 'rings: position' },
  byCoreness: { nl: 'ringen: kernstructuur', en: 'rings: structural coreness' },
  legendColour: { nl: 'kleur = sector · grootte = middelen · lijn = vertrouwen', en: 'colour = sector · size = resources · line = trust' },
  leader: { nl: 'leider', en: 'leader' },
  functions: { nl: 'Richten, leren, handelen', en: 'Directing, learning, acting' },
  triangle: { nl: 'Balans', en: 'Balance' },
  interest: { nl: 'Belangenruimte', en: 'Interest space' },
  solution: { nl: 'oplossing s*', en: 'solution s*' },
  agenda: { nl: 'agenda', en: 'agenda' },
  domains: { nl: 'Zes domeinen', en: 'Six domains' },
  log: { nl: 'Logboek', en: 'Event log' },
  onlyMarked: { nl: 'alleen ingrepen en gebeurtenissen', en: 'interventions and events only' },
  export: { nl: 'Exporteren', en: 'Export' },
  share: { nl: 'Deel link', en: 'Share link' },
  copied: { nl: 'Link gekopieerd', en: 'Link copied' },
  presenter: { nl: 'Presentatie', en: 'Presenter' },
  presenterExit: { nl: 'Sluit presentatie', en: 'Leave presenter' },
  advanced: { nl: 'Geavanceerd: parameters (herstart)', en: 'Advanced: parameters (restart)' },
  liveParams: { nl: 'Parameters tijdens de run', en: 'Parameters during the run' },
  liveParamsHint: { nl: 'Een schuif verplaatsen is een ingreep: hij geldt vanaf de volgende ronde, komt in het logboek en in de link. Aantallen en mechanismen (gehele getallen, keuzes) wijzigen met een herstart, onder Geavanceerd.', en: 'Moving a slider is an intervention: it applies from the next tick and is logged and kept in the link. Counts and mechanisms (whole numbers, choices) change with a restart, under Advanced.' },
  overrides: { nl: 'Overschrijvingen (--set, één per regel)', en: 'Overrides (--set, one per line)' },
  restartWith: { nl: 'Herstart met deze instellingen', en: 'Restart with these settings' },
  close: { nl: 'Sluiten', en: 'Close' },
  position: { nl: 'Positie', en: 'Position' },
  engagement: { nl: 'Betrokkenheid', en: 'Engagement' },
  resources: { nl: 'Middelen', en: 'Resources' },
  coreness: { nl: 'Kernstructuur', en: 'Coreness' },
  stake: { nl: 'Belang', en: 'Stake' },
  belief: { nl: 'Inzicht', en: 'Belief' },
  preference: { nl: 'Voorkeur', en: 'Preference' },
  reputation: { nl: 'Reputatie', en: 'Reputation' },
  mandateFact: { nl: 'Mandaat', en: 'Mandate' },
  grantMandate: { nl: 'Geef mandaat', en: 'Grant a mandate' },
  access: { nl: 'Toegang', en: 'Access' },
  behaviour: { nl: 'Gedrag', en: 'Behaviour' },
  inProject: { nl: 'in een project', en: 'in a project' },
  history: { nl: 'Verloop', en: 'History' },
  error: { nl: 'Fout', en: 'Error' },
  interventionsFile: { nl: 'Ingrepen (--events)', en: 'Interventions (--events)' },
  cliCommand: { nl: 'Zelfde run op de opdrachtregel', en: 'The same run on the command line' },
  showing: { nl: 'toont 1 op', en: 'showing 1 in' },
  pending: { nl: 'wacht op volgende ronde', en: 'waiting for the next tick' },
  compare: { nl: 'Vergelijken', en: 'Compare' },
  dropCsv: { nl: 'Sleep een CSV met een actoranalyse hierheen om er een scenario van te maken.', en: 'Drop an actor-analysis CSV here to turn it into a scenario.' },
  customRules: { nl: 'eigen combinatie', en: 'own combination' },
  leadershipShort: { nl: 'Leiderschap', en: 'Leadership' },
  scaleFull: { nl: '0–1', en: '0–1' },
  scaleZoom: { nl: 'zoom', en: 'zoom' },
  scaleHint: { nl: 'Y-as: 0–1, of ingezoomd op richten en leren', en: 'Y axis: 0–1, or zoomed to direction and learning' },
  importCsv: { nl: 'Importeer actoranalyse (CSV)…', en: 'Import an actor analysis (CSV)…' },
  imported: { nl: 'Scenario geïmporteerd', en: 'Scenario imported' },
  compareCli: { nl: 'dezelfde bestanden (compare.json downloaden)', en: 'the same files (download compare.json)' },
  runsDone: { nl: 'runs klaar', en: 'runs done' },
  runsFailed: { nl: 'mislukt', en: 'failed' },
  compareDone: { nl: 'klaar', en: 'done' },
  chooseStrategy: { nl: 'Kies ten minste één strategie.', en: 'Choose at least one strategy.' },
  stop: { nl: 'Stop', en: 'Stop' },
  compareStart: { nl: 'Start vergelijking', en: 'Start comparison' },
  replications: { nl: 'Seeds per strategie', en: 'Seeds per strategy' },
  ticks: { nl: 'Rondes', en: 'Ticks' },
  strategies: { nl: 'Strategieën (spelregels)', en: 'Strategies (rules)' },
  verdicts: { nl: 'Oordelen per paar', en: 'Verdicts per pair' },
  noMarks: { nl: 'Nog geen gebeurtenissen', en: 'No events yet' },
} as const satisfies Record<string, { nl: string; en: string }>;

export type StringKey = keyof typeof S;

export function t(key: StringKey, lang: Lang): string {
  return S[key][lang];
}

export const POSITION_LABELS: readonly { nl: string; en: string }[] = [
  { nl: 'buiten', en: 'outside' }, { nl: 'periferie', en: 'periphery' }, { nl: 'kern', en: 'core' },
];

export const ARCHETYPE_LABELS: readonly { nl: string; en: string }[] = [
  { nl: 'netwerker', en: 'networker' }, { nl: 'transactioneel', en: 'transactional' }, { nl: 'meelifter', en: 'free rider' },
];

/** Number formatting per language (Dutch decimal comma). */
export function fmt(x: number, lang: Lang, digits = 2): string {
  if (!Number.isFinite(x)) return '–';
  return x.toLocaleString(lang === 'nl' ? 'nl-NL' : 'en-GB', { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

export function pct(x: number, lang: Lang): string {
  if (!Number.isFinite(x)) return '–';
  return `${Math.round(x * 100)}${lang === 'nl' ? ' %' : '%'}`;
}
