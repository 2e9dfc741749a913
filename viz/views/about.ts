// The Info tab ("Uitleg / About"): what richten, leren and handelen mean, the six domains, what
// each view shows and what the current scenario asks the room to watch for, in Dutch and
// English. The words follow the source texts “De drie functies van opgavenetwerken” and
// “Samenwerken in netwerken”; the model itself is documented in docs/ODD.md.
import { MEASURES, MEASURE_INDEX } from '../../sim/meta.ts';
import { DOMAIN_KEYS, DOMAIN_TEXT } from './domains.ts';
import { escapeHtml } from './network.ts';
import { type Lang } from '../i18n.ts';

type Bi = { nl: string; en: string };

const TEXT = {
  title: { nl: 'Uitleg', en: 'About' },
  close: { nl: 'Sluiten', en: 'Close' },
  intro: {
    nl: 'Samenspel simuleert een netwerk van organisaties rond een maatschappelijke opgave. Actoren ontmoeten elkaar, praten, leren en werken samen in projecten; wie zich inzet schuift op van buiten naar de periferie en de kern. De spelregels (toegang, leiderschap, omgangsvormen) bepalen wat er gebeurt. Jij als trainer verandert ze tijdens de run en de zaal ziet het effect.',
    en: 'Samenspel simulates a network of organisations around a societal task (the opgave). Actors meet, talk, learn and work together in projects; those who commit move from outside to the periphery and into the core. The rules of the game (entry, leadership, conduct) shape what happens. You, the trainer, change them during the run and the room sees the effect.',
  },
  functionsTitle: { nl: 'De drie functies', en: 'The three functions' },
  richten: {
    nl: 'Samen richten: komen de voorkeuren van de betrokken actoren bij elkaar? 1 = iedereen wil hetzelfde, 0 = ver uiteen.',
    en: 'Joint direction (richten): do the engaged actors\' preferences come together? 1 = all want the same, 0 = far apart.',
  },
  leren: {
    nl: 'Samen leren: vinden de actoren samen een betere aanpak, en delen ze die? Bij de kennisaspecten is de aanpak een stel knoppen: keuzes in de aanpak die samen moeten kloppen. Eén knop goed zetten helpt weinig als de andere niet passen; hoe meer knoppen van elkaar afhangen, hoe complexer de opgave en hoe minder het antwoord voor het oprapen ligt. Actoren leren door te proberen, door over te nemen wat bij anderen werkt en door in projecten hun kennis te combineren.',
    en: 'Joint learning (leren): do the actors together find a better approach, and do they share it? On the knowledge aspects the approach is a set of knobs: choices in the approach that must fit together. Setting one knob right helps little when the others do not fit; the more the knobs depend on each other, the more complex the opgave and the less the answer is there for the taking. Actors learn by trying, by copying what works for others and by combining their knowledge in projects.',
  },
  handelen: {
    nl: 'Samen handelen: welk deel van hun middelen steken de betrokken actoren in gezamenlijke projecten?',
    en: 'Joint action (handelen): what share of their resources do the engaged actors put into joint projects?',
  },
  functionsNote: {
    nl: 'Een netwerk dat alleen richt, praat; een dat alleen handelt, doet zonder richting. De balans (driehoek) laat zien of de drie samen groeien.',
    en: 'A network that only directs, talks; one that only acts, acts without direction. The balance (triangle) shows whether the three grow together.',
  },
  domainsTitle: { nl: 'De zes domeinen', en: 'The six domains' },
  domainsIntro: {
    nl: 'Waar een netwerkbouwer kan ingrijpen (de knoppen onder “Zes domeinen: ingrepen”); de meters onderaan tonen hoe ver elk domein is.',
    en: 'Where a network builder can act (the buttons under “Six domains: levers”); the gauges at the bottom show how far each domain is.',
  },
  viewsTitle: { nl: 'Wat je ziet', en: 'What you see' },
  views: {
    nl: [
      'Meters (bovenaan): de huidige waarden van richten, leren, handelen, impact en het aantal actoren in kern, periferie en buiten.',
      'Netwerk: elke stip is een actor (kleur = sector, grootte = middelen); ringen van buiten naar binnen: buiten, periferie, kern. Lijnen zijn relaties (dikker = meer vertrouwen). Beweeg over een actor voor details, klik om vast te zetten.',
      'Richten, leren, handelen: de drie functies door de tijd, met balans en impact. Vlaggen markeren ingrepen en gebeurtenissen. Beweeg erover voor de waarden; klik een ronde aan en kies “Wat als hier?” om vanaf daar een andere ingreep te proberen (het origineel blijft vaag zichtbaar).',
      'Balans: waar het netwerk staat tussen de drie functies; in het midden zijn ze in balans.',
      'Belangenruimte: de voorkeuren van alle actoren in twee dimensies; de ruit is de agenda. Daaronder de knoppen van de kennisaspecten: per knop welk deel van de actoren hem aan heeft, met eronder of hij aan staat in de beste aanpak (gevuld vierkantje), en de gemiddelde waarde van hun aanpak (0 = niet beter dan een willekeurige aanpak, 1 = de beste). Zet je een actor vast, dan zie je zijn aanpak als een rij knoppen.',
      'Logboek: wat er gebeurde, per ronde; klik een regel om die ronde in de grafieken op te lichten.',
    ],
    en: [
      'Monitors (top): the current values of richten, leren, handelen, impact and the number of actors in core, periphery and outside.',
      'Network: each dot is an actor (colour = sector, size = resources); rings from the outside in: outside, periphery, core. Lines are ties (thicker = more trust). Hover an actor for details, click to pin it.',
      'Richten, leren, handelen: the three functions over time, with balance and impact. Flags mark interventions and events. Hover for the values; click a tick and choose “What if here?” to try another intervention from there (the original stays drawn faint).',
      'Balance: where the network stands between the three functions; in the middle they are in balance.',
      'Interest space: all actors\' preferences in two dimensions; the diamond is the agenda. Below it the knobs of the knowledge aspects: for each knob the share of actors who have it on, under it whether the best approach has it on (filled square), and the mean worth of their approaches (0 = no better than an arbitrary approach, 1 = the best). Pin an actor to see its approach as a row of knobs.',
      'Log: what happened, by tick; click a line to highlight that tick in the charts.',
    ],
  },
  controlsTitle: { nl: 'Bediening', en: 'Controls' },
  controls: {
    nl: [
      'Afspelen / Pauze (spatie), Stap (→), Opnieuw (r). Een run stopt bij de laatste ronde; “+10 / +50 / +100” maakt hem langer (dat staat in de link).',
      'Spelregels en ingrepen gelden vanaf de volgende ronde en komen in het logboek. “Parameters tijdens de run” zijn schuiven die ook zo werken; aantallen en mechanismen wijzigen met een herstart (Geavanceerd).',
      '“Deel link” kopieert een link die precies deze run opnieuw afspeelt, met ingrepen, verlenging en aftakking; een geïmporteerd scenario reist mee in de link.',
      'Presentatie: groot beeld voor de zaal; ☰ Bediening opent de knoppen. Esc sluit.',
    ],
    en: [
      'Play / Pause (space), Step (→), Reset (r). A run stops at its last tick; “+10 / +50 / +100” makes it longer (kept in the link).',
      'Rules and levers act from the next tick and are logged. “Parameters during the run” are sliders that work the same way; counts and mechanisms change with a restart (Advanced).',
      '“Share link” copies a link that replays exactly this run, with interventions, extension and branch; an imported scenario travels in the link.',
      'Presenter: large view for the room; ☰ Controls opens the buttons. Esc leaves.',
    ],
  },
  scenarioTitle: { nl: 'Dit scenario: let op', en: 'This scenario: watch for' },
  noWatch: { nl: 'Dit scenario geeft geen aandachtspunten.', en: 'This scenario gives no points to watch for.' },
} satisfies Record<string, Bi | { nl: string[]; en: string[] }>;


export interface AboutPanel { open(): void; close(): void; setLang(lang: Lang): void; setWatchFor(watch: { nl: string[]; en: string[] } | undefined, title: Bi | undefined): void; readonly isOpen: boolean }

export function createAboutPanel(host: HTMLElement, options: { lang: Lang }): AboutPanel {
  let lang = options.lang;
  let watch: { nl: string[]; en: string[] } | undefined;
  let scenarioTitle: Bi | undefined;
  host.hidden = true;
  host.setAttribute('role', 'dialog');
  host.setAttribute('aria-modal', 'true');

  function render(): void {
    const L = (x: Bi) => escapeHtml(x[lang]);
    const list = (xs: string[]) => `<ul>${xs.map((x) => `<li>${escapeHtml(x)}</li>`).join('')}</ul>`;
    const label = (k: string) => escapeHtml(MEASURES[MEASURE_INDEX[k]].label[lang]);
    const w = watch?.[lang] ?? [];
    host.innerHTML = `
      <div class="about-head"><h2 id="about-title">${L(TEXT.title)}</h2><button id="about-close">${L(TEXT.close)}</button></div>
      <div class="about-body" lang="${lang}">
        <p class="about-intro">${L(TEXT.intro)}</p>
        <section><h3>${L(TEXT.functionsTitle)}</h3>
          <dl class="about-functions">
            <dt class="f-richten">${label('richten')}</dt><dd>${L(TEXT.richten)}</dd>
            <dt class="f-leren">${label('leren')}</dt><dd>${L(TEXT.leren)}</dd>
            <dt class="f-handelen">${label('handelen')}</dt><dd>${L(TEXT.handelen)}</dd>
          </dl><p>${L(TEXT.functionsNote)}</p></section>
        <section><h3>${L(TEXT.domainsTitle)}</h3><p>${L(TEXT.domainsIntro)}</p>
          <dl class="about-domains">${DOMAIN_KEYS.map((k) => `<dt>${label(k)}</dt><dd>${L(DOMAIN_TEXT[k])}</dd>`).join('')}</dl></section>
        <section><h3>${L(TEXT.scenarioTitle)}${scenarioTitle ? ` — ${L(scenarioTitle)}` : ''}</h3>${w.length ? list(w) : `<p>${L(TEXT.noWatch)}</p>`}</section>
        <section><h3>${L(TEXT.viewsTitle)}</h3>${list(TEXT.views[lang])}</section>
        <section><h3>${L(TEXT.controlsTitle)}</h3>${list(TEXT.controls[lang])}</section>
      </div>`;
    host.querySelector('#about-close')!.addEventListener('click', () => panel.close());
  }
  const panel: AboutPanel = {
    open() { render(); host.hidden = false; (host.querySelector('#about-close') as HTMLElement).focus(); },
    close() { host.hidden = true; },
    setLang(next) { lang = next; if (!host.hidden) render(); },
    setWatchFor(next, title) { watch = next; scenarioTitle = title; if (!host.hidden) render(); },
    get isOpen() { return !host.hidden; },
  };
  return panel;
}
