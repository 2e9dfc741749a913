// Every model parameter, once: default, range, bilingual label, unit and meaning. The
// scenario schema, the app's controls, the CLI's `--set` help and docs/ODD.md are all
// generated from this table.

export interface Bilingual { nl: string; en: string }

export interface NumberParam {
  kind: 'number' | 'integer';
  default: number;
  min: number;
  max: number;
  group: ParamGroup;
  label: Bilingual;
  unit: string;
  doc: string;
  /** Read only when the run is created (initial beliefs): a change mid-run would do nothing. */
  atStart?: true;
}
export interface EnumParam {
  kind: 'enum';
  default: string;
  options: readonly string[];
  group: ParamGroup;
  label: Bilingual;
  unit: '';
  doc: string;
  /** Read only when the run is created: a change mid-run would do nothing. */
  atStart?: true;
}
export type ParamSpec = NumberParam | EnumParam;
export type ParamGroup =
  | 'meetings' | 'dialogue' | 'learning' | 'knowledge' | 'action' | 'payoffs' | 'positions' | 'agenda' | 'opgave';

const n = (
  group: ParamGroup, dflt: number, min: number, max: number, nl: string, en: string, unit: string, doc: string,
): NumberParam => ({ kind: 'number', default: dflt, min, max, group, label: { nl, en }, unit, doc });
const choice = (group: ParamGroup, dflt: string, options: readonly string[], nl: string, en: string, doc: string): EnumParam =>
  ({ kind: 'enum', default: dflt, options, group, label: { nl, en }, unit: '', doc });
const int = (
  group: ParamGroup, dflt: number, min: number, max: number, nl: string, en: string, unit: string, doc: string,
): NumberParam => ({ kind: 'integer', default: dflt, min, max, group, label: { nl, en }, unit, doc });

export const PARAMS = {
  // Meetings
  meetingMode: {
    kind: 'enum', default: 'ties', options: ['ties', 'random', 'all-ties'], group: 'meetings', unit: '',
    label: { nl: 'Ontmoetingswijze', en: 'Meeting mode' },
    doc: '`ties`: partners drawn from own ties (weighted by trust × reputation) plus exploration; `random`: uniform random pairs on a complete graph (Deffuant docking); `all-ties`: every tie meets every tick (DeGroot docking).',
  } as EnumParam,
  maxMeetings: int('meetings', 4, 1, 32, 'Max. ontmoetingen per ronde', 'Max meetings per tick', 'meetings', 'Upper bound on meetings an actor initiates per tick; the actual number is bounded by meeting time / meetingCost.'),
  meetingCost: n('meetings', 0.05, 0, 1, 'Kosten per ontmoeting', 'Cost per meeting', 'resource units', 'Meeting time spent per meeting initiated.'),
  exploreRate: n('meetings', 0.05, 0, 1, 'Kans op nieuwe contacten', 'Exploration rate', 'probability', 'Chance that a meeting is with a random present actor rather than an existing tie (this is how new ties form).'),
  newTieTrust: n('meetings', 0.2, 0, 1, 'Vertrouwen nieuwe relatie', 'Trust of a new tie', 'trust', 'Trust a tie starts with when a meeting creates it.'),
  tieDecay: n('meetings', 0.005, 0, 0.5, 'Verval van relaties', 'Tie decay', 'per tick', 'Trust on every tie shrinks by this fraction each tick; meetings rebuild it.'),
  tieDropBelow: n('meetings', 0.02, 0, 0.5, 'Drempel relatieverlies', 'Tie removal threshold', 'trust', 'A tie whose trust falls below this is removed.'),
  maxTies: int('meetings', 16, 2, 4096, 'Max. relaties per actor', 'Max ties per actor', 'ties', 'Tie slots per actor (structure of arrays). When full, a new tie replaces the weakest if it is stronger.'),
  rivalryFactor: n('meetings', 0.5, 0, 1, 'Rivaliteit', 'Rivalry factor', 'multiplier', 'Trust gains between actors of rival sectors are multiplied by this.'),
  // Dialogue
  dialogueRule: {
    kind: 'enum', default: 'pairwise', options: ['pairwise', 'bounded-average'], group: 'dialogue', unit: '',
    label: { nl: 'Dialoogregel', en: 'Dialogue rule' },
    doc: '`pairwise`: each meeting moves both parties toward each other by μ·T_ij (Deffuant et al. 2000); `bounded-average`: synchronous, each actor moves to the trust-weighted mean of itself (weight 1) and the partners met this tick within its openness, μ unused (Hegselmann & Krause 2002 docking).',
  } as EnumParam,
  mu: n('dialogue', 0.3, 0, 0.5, 'Convergentiesnelheid μ', 'Convergence rate μ', 'fraction', 'Deffuant step: both parties move toward each other by μ·T_ij of their difference.'),
  trustMin: n('dialogue', 0.1, 0, 1, 'Minimaal vertrouwen', 'Minimum trust', 'trust', 'Trust needed for dialogue, learning and joining a project.'),
  clashFactor: n('dialogue', 2, 1, 10, 'Botsingsfactor', 'Clash factor', 'multiplier', 'A meeting whose preference distance exceeds clashFactor × openness lowers trust.'),
  trustGain: n('dialogue', 0.04, 0, 1, 'Vertrouwenswinst', 'Trust gain', 'trust per meeting', 'Trust gained by a meeting within openness (times 1 − T, so trust saturates).'),
  trustLoss: n('dialogue', 0.03, 0, 1, 'Vertrouwensverlies', 'Trust loss', 'trust per meeting', 'Trust lost by a clash.'),
  beliefDrift: n('dialogue', 0.05, 0, 1, 'Invloed inzicht op voorkeur', 'Belief → preference drift', 'per tick', 'On knowledge aspects, preferences drift toward the actor\'s own belief by this fraction per tick.'),
  stakePull: n('dialogue', 0.2, 0, 1, 'Terugtrekkracht achterban', 'Constituency pull', 'per tick', 'Preferences drift back toward the stake by stakePull × a_i per tick (a_i = representation).'),
  directingStrength: n('dialogue', 0.05, 0, 1, 'Sturingskracht δ', 'Directing strength δ', 'per tick', 'Under directing leadership, engaged actors\' preferences are pulled toward the lead\'s agenda by δ × engagement per tick.'),
  facilitationWidening: n('dialogue', 1.5, 1, 4, 'Verruiming door facilitatie', 'Facilitation widening', 'multiplier', 'Under facilitating leadership, openness in dialogue is multiplied by this.'),
  leaderMeetings: int('dialogue', 6, 0, 64, 'Bemiddelde ontmoetingen', 'Brokered meetings', 'meetings per tick', 'Cross-sector meetings a facilitating leader brokers (and pays for) per tick.'),
  // Learning
  selfWeight: n('learning', 3, 0, 100, 'Eigen gewicht', 'Self weight', 'weight', 'DeGroot self-weight: a belief update is (selfWeight·β_i + Σ T_ij·cred_j·β_j) / (selfWeight + Σ T_ij·cred_j) over the partners met this tick.'),
  shareCost: n('learning', 0.02, 0, 1, 'Kosten kennisdeling', 'Sharing cost', 'resource units', 'Meeting time a sharer spends per sharing meeting.'),
  bilateralTrust: n('learning', 0.4, 0, 1, 'Vertrouwen voor bilateraal delen', 'Bilateral sharing trust', 'trust', 'Under the bilateral knowledge regime, knowledge is shared only on ties at least this trusted.'),
  lbdRate: n('learning', 0.3, 0, 1, 'Leren door doen', 'Learning by doing', 'fraction', 'On delivery, a project\'s members observe the worth of the project\'s approach (with noise); where it worked better than what they knew of their own, they move their beliefs toward it by this fraction.'),
  lbdNoise: n('learning', 0.1, 0, 1, 'Ruis bij leren door doen', 'Learning-by-doing noise', 'sd', 'Standard deviation of the noise on an observed worth (uniform, so one draw): what trying an approach reveals of how well it works.'),
  imitationRate: n('learning', 0.5, 0, 1, 'Navolging van succes', 'Imitation of success', 'weight × trust', 'Meeting a partner whose last tried approach worked better (as observed), an actor weighs that approach\'s knob settings into its beliefs with weight imitationRate × trust, beside DeGroot averaging (Lazer & Friedman 2007). 0 leaves plain DeGroot.'),
  // Knowledge: the opgave as a landscape of knobs (ODD.md §7.4)
  worthScale: choice('knowledge', 'above-mean', ['above-mean', 'raw', 'power8'], 'Schaal van waarde', 'Worth scale',
    'How an approach\'s NK worth W becomes effectiveness ω (F1): `above-mean` max(0, (W − W̄)/(W_max − W̄)), the share of the achievable improvement over an arbitrary approach; `raw` W/W_max; `power8` (W/W_max)^8 (Lazer & Friedman\'s score).'),
  expertiseMode: { ...choice('knowledge', 'silo', ['silo', 'oracle'], 'Soort deskundigheid (ablatie)', 'Kind of expertise (ablation)',
    '`silo`: an expert knows the best settings of its own aspect\'s knobs given its own picture of the rest (F2). `oracle` is an ablation only: experts know the global best approach\'s settings, which writes the network\'s advantage in. Acts when the run is created.'), atStart: true },
  sectorExpertise: { ...n('knowledge', 0.3, 0, 1, 'Deskundigheid zonder opgave', 'Expertise when none is given', 'fraction', 'Expertise of a sector on a knowledge aspect when the scenario gives the sector none (imported and generated scenarios). Acts when the run is created.'), atStart: true },
  stakeBias: { ...n('knowledge', 0.3, 0, 1, 'Belangenkleuring b', 'Stake bias b', 'fraction', 'Initial beliefs lean toward what one\'s stake favours: β ← (1 − b)·β + b·ŝ (F4). Acts when the run is created.'), atStart: true },
  searchShare: n('knowledge', 0.2, 0, 0.5, 'Zoekaandeel φ', 'Search share φ', 'fraction', 'A searching unit (solo actor, chain lead, project) puts this share of its contributions into one untried one-knob variant of its approach and keeps the variant if its observed worth is higher (F7). At a local peak search stops. 0 switches search off.'),
  integrationCost: n('knowledge', 0.3, 0, 1, 'Integratiekosten χ', 'Integration cost χ', 'fraction', 'A project whose approach draws on s_p of S sectors loses χ·(s_p − 1)/(S − 1)·(1 − a_p) of its output, a_p the members\' agreement on the knobs (F6). 0 switches it off.'),
  expertiseWeight: int('knowledge', 2, 0, 8, 'Gewicht deskundigheid γ', 'Expertise weight γ', 'exponent', 'A project\'s approach is a vote per knob weighted by e^γ, e the member\'s expertise on the knob\'s aspect (F5): large γ picks the expert, 0 a plain majority.'),
  combination: choice('knowledge', 'vote', ['vote', 'initiator'], 'Combinatie in projecten (ablatie)', 'Combination in projects (ablation)',
    '`vote`: a project\'s approach combines its members\' beliefs (F5). `initiator` is an ablation: the project takes its initiator\'s approach (no combination, no integration cost).'),
  projectSectors: choice('knowledge', 'any', ['any', 'initiator'], 'Sectoren in projecten (ablatie)', 'Sectors in projects (ablation)',
    '`any`: anyone may join a project. `initiator` is an ablation: only actors of the initiator\'s sector join (single-sector projects).'),
  // Action
  soloEfficiency: n('action', 1, 0, 4, 'Efficiëntie solo', 'Solo efficiency', 'output per unit', 'Output per unit of solo contribution (after the fixed cost).'),
  soloFixedCost: n('action', 0.1, 0, 2, 'Vaste kosten solo', 'Solo fixed cost', 'resource units', 'Fixed cost per tick of acting alone.'),
  dealReturn: n('action', 0.9, 0, 4, 'Opbrengst deal', 'Deal return', 'output per unit', 'Output per unit put into a bilateral deal (immediate, no trust needed; no combination of expertise, no learning).'),
  chainEfficiency: n('action', 1.1, 0, 4, 'Efficiëntie keten', 'Chain efficiency', 'output per unit', 'Output per unit in chain structure: linear, along fixed client–supplier links, no meeting cost or coordination loss.'),
  initiateRate: n('action', 0.1, 0, 1, 'Initiatiefkans', 'Initiation rate', 'per tick', 'Chance per tick that an engaged actor not in a project proposes one, times its proactiveness.'),
  quorum: int('action', 3, 1, 100, 'Quorum', 'Quorum', 'members', 'Members a project needs to start.'),
  maxProjectSize: int('action', 12, 2, 10000, 'Max. projectgrootte', 'Max project size', 'members', 'Members a project accepts at most: a practical limit; with the process loss, projects rarely need it to decide outcomes.'),
  recruitTicks: int('action', 3, 1, 10000, 'Wervingsduur', 'Recruitment window', 'ticks', 'Ticks a proposal may recruit before it starts or dissolves.'),
  projectDuration: int('action', 8, 1, 1000, 'Projectduur', 'Project duration', 'ticks', 'Ticks a project runs before it delivers.'),
  projectShare: n('action', 0.8, 0, 1, 'Inzet voor project', 'Project share', 'fraction', 'Share of a member\'s contributions that goes to its project (the rest to solo or deals).'),
  synergy: n('action', 0, 0, 2, 'Synergie γ (engine 0.1)', 'Synergy γ (engine 0.1)', 'multiplier', 'Engine 0.1\'s superlinear term, per tick: output adds γ·((Σ√c)² − Σc). Default 0 since revision 2 (replaced by the process loss); kept only to compare with engine 0.1, which used 0.3.'),
  coordinationLoss: n('action', 0.5, 0, 1, 'Coördinatieverlies λ', 'Coordination loss λ', 'fraction', 'Project coordination = 1 − λ·(1 − T̄), T̄ the members\' mean trust in the co-members they know: strangers still produce (1 − λ). 0 switches the loss off; 1 is engine 0.1\'s coordination = T̄.'),
  processLoss: n('action', 0.15, 0, 2, 'Procesverlies ρ', 'Process loss ρ', 'per extra member', 'Project output × g(m) = 1/(1 + ρ·(m − 1)) for m members (Steiner 1972; ρ ≈ 0.15 fits Ringelmann). 0 switches it off.'),
  diversityWeight: n('action', 0, 0, 2, 'Gewicht diversiteit (engine 0.2)', 'Diversity weight (engine 0.2)', 'multiplier', 'Engine 0.2\'s accounting bonus: output × (1 + diversityWeight × spread of members\' expertise). Default 0 since revision 2 part 2 (was 0.5): diversity now pays only through the knob settings its members bring into the combined approach (F5); kept only to compare.'),
  soloMinScale: n('action', 0.2, 0, 4, 'Minimale schaal solo', 'Solo minimum efficient scale', 'resource units', 'Below this contribution, solo output per unit falls in proportion (× a/scale): acting alone has a minimum efficient scale, so a cut can leave combination or withdrawal. 0 switches it off.'),
  opportunism: n('action', 0.5, 0, 1, 'Opportunisme in deals', 'Opportunism in deals', 'fraction', 'In a deal an actor delivers only 1 − opportunism·(1 − trustworthiness) of what it promised; the rest stays with it. 0 switches opportunism (and its detection) off.'),
  dealDetect: n('action', 0.5, 0, 1, 'Ontdekkingskans opportunisme', 'Opportunism detection', 'probability', 'Chance that a deal partner notices a shortfall, times (1 − the shorting actor\'s trustworthiness).'),
  betrayalLoss: n('action', 0.3, 0, 1, 'Vertrouwensverlies bij ontdekking', 'Trust loss on detection', 'fraction', 'A partner who detects opportunism lowers its trust in the actor by this fraction. 0 switches it off.'),
  gossip: n('action', 0.1, 0, 1, 'Roddel', 'Gossip', 'fraction', 'Detected opportunism travels along ties: a stain on the actor\'s reputation grows by gossip·(1 − stain); its standing (what meetings, learning and claims read) is reputation·(1 − stain) (indirect reciprocity, Nowak & Sigmund 1998). 0 switches it off.'),
  gossipMemory: n('action', 20, 1, 1000, 'Geheugen roddel', 'Gossip memory', 'ticks', 'Gossip\'s stain on a reputation fades by 1/gossipMemory per tick: standing can be rebuilt.'),
  reciprocity: n('action', 0.2, 0, 1, 'Wederkerigheid', 'Reciprocity', 'benefit', 'An actor that was helped (knowledge shared, brought into a project) lowers its benefit threshold for joining its helper\'s project by this much, once. 0 switches it off.'),
  detectRate: n('action', 0.3, 0, 1, 'Ontdekkingskans meeliften', 'Free-rider detection', 'per tick', 'Chance per tick that a project member giving less than half of what it could is detected, times (1 − tolerance).'),
  // Payoffs and engagement
  knowledgeValue: n('payoffs', 2, 0, 10, 'Waarde van kennis', 'Value of knowledge', 'payoff per unit', 'Payoff per unit gain in the worth ω of the approach the actor would now try.'),
  opgaveValue: n('payoffs', 4, 0, 20, 'Waarde van voortgang', 'Value of progress', 'payoff per unit', 'Payoff to an actor of the opgave\'s severity falling, times its affectedness (a public good).'),
  spendCost: n('payoffs', 0.5, 0, 4, 'Kosten van inzet', 'Cost of spending', 'payoff per unit', 'Subjective cost per resource unit spent.'),
  engagementRate: n('payoffs', 0.1, 0, 1, 'Aanpassingssnelheid betrokkenheid', 'Engagement rate', 'per tick', 'Engagement moves toward its target by this fraction per tick.'),
  identityWeight: n('payoffs', 0.5, 0, 1, 'Gewicht identiteit', 'Identity weight', 'fraction', 'Weight of identity fit (passie, positie, opgave, how) vs payoff in the engagement target.'),
  horizonMin: n('payoffs', 2, 1, 100, 'Kortste horizon', 'Shortest horizon', 'ticks', 'Payoff memory of an actor with patience 0.'),
  horizonMax: n('payoffs', 40, 1, 1000, 'Langste horizon', 'Longest horizon', 'ticks', 'Payoff memory of an actor with patience 1.'),
  discountRate: n('payoffs', 0.05, 0, 1, 'Disconto (ongeduld)', 'Discount rate (impatience)', 'per tick', 'A project pays after projectDuration ticks; an actor values that later return at 1/(1 + discountRate·(1 − patience)·projectDuration) when it decides to join. 0 switches discounting off.'),
  aspirationRate: n('payoffs', 0.05, 0, 1, 'Aanpassing aspiratie', 'Aspiration adaptation', 'per tick', 'The aspiration level follows the actor\'s own (absolute) payoff by this fraction per tick (Cyert & March 1963; Greve 2003).'),
  aspirationWeight: n('payoffs', 0.5, 0, 1, 'Gewicht aspiratie', 'Aspiration weight', 'fraction', 'Below its aspiration an actor searches with intensity aspirationWeight·gap: more meeting time, more willing to join new combinations, and it withdraws if searching does not pay. 0 switches aspiration off.'),
  budgetAdapt: n('payoffs', 0.05, 0, 1, 'Aanpassing budget', 'Budget adaptation', 'per tick', 'How fast the meeting-time share follows what paid off.'),
  // Positions
  engagementOut: n('positions', 0.25, 0, 1, 'Drempel periferie', 'Periphery threshold', 'engagement', 'Below this engagement an actor is outside.'),
  engagementCore: n('positions', 0.75, 0, 1, 'Drempel kern', 'Core threshold', 'engagement', 'Engagement needed to be a candidate for the core.'),
  hysteresis: n('positions', 0.05, 0, 0.5, 'Hysterese', 'Hysteresis', 'engagement', 'An actor leaves a position only when engagement is this far below its threshold.'),
  selectThreshold: n('positions', 0.45, 0, 1, 'Selectiedrempel', 'Selection threshold', 'score', 'Selective entry: admission when ½ contribution + ½ claim reaches this.'),
  invitePerTick: int('positions', 2, 0, 100, 'Uitnodigingen per ronde', 'Invitations per tick', 'actors', 'Invitation entry: actors the core invites per tick at most.'),
  expulsionTicks: int('positions', 20, 0, 1000, 'Duur uitsluiting', 'Expulsion length', 'ticks', 'Ticks an expelled actor may not re-enter the core.'),
  // Agenda and rules
  consensusTolerance: n('agenda', 0.25, 0, 1, 'Consensustolerantie', 'Consensus tolerance', 'distance', 'Under consensus, the agenda is renewed only when core preferences lie within this mean normalised distance of their mean.'),
  ruleReviewInterval: int('agenda', 10, 1, 1000, 'Herziening spelregels', 'Rule review interval', 'ticks', 'When the core sets the rules, it revises entry and conduct every this many ticks.'),
  // Opgave
  solveRate: n('opgave', 0.02, 0, 10, 'Oplossnelheid', 'Solve rate', 'per unit', 'Severity falls by solveRate × (effective output / initial resources) per tick, relative to its level.'),
  accessNeeded: n('opgave', 0.5, 0, 1, 'Benodigde toegang', 'Access needed', 'access', 'On aspects that require reach, any unit of action (solo, deal, chain, project) whose best access is below this loses effectiveness proportionally. 0 switches the requirement off.'),
  mandateNeeded: n('opgave', 0.5, 0, 1, 'Benodigd mandaat', 'Mandate needed', 'mandate', 'On aspects that require mandate, any unit of action (solo, deal, chain, project) whose best mandate is below this loses effectiveness proportionally. 0 switches the requirement off.'),
  corenessIterations: int('opgave', 3, 1, 50, 'Iteraties kernstructuur', 'Coreness iterations', 'iterations', 'Warm-started power iterations per tick for structural coreness.'),
  // Formerly fixed numbers in the mechanisms, named so that sensitivity analysis and
  // calibration can see them (docs/ODD.md, "Fixed constants" lists the numbers that stay fixed).
  // Each default is the number the mechanism used before, so output is unchanged.
  inviteMinGain: n('positions', 0.02, 0, 1, 'Minimale aanvulling uitnodiging', 'Least gain to be invited', 'score', 'Invitation entry: a candidate is invited only when what it adds to the core (mean expertise beyond the core\'s best per aspect, plus access beyond the core\'s best) reaches this.'),
  weightedResourceWeight: n('agenda', 0.1, 0, 10, 'Gewicht middelen bij gewogen besluit', 'Resource weight in weighted decisions', 'weight per resource unit', 'Under weighted decisions a core member\'s weight (agenda and rule votes) is its remembered project contribution plus this × its resources.'),
  ruleOpenAbove: n('agenda', 0.6, 0, 1, 'Drempel stem open toetreding', 'Vote for open entry above', 'profile', 'When the core sets the rules, a member whose need-recognition and value-adding average at least this votes for open entry.'),
  ruleSelectiveClaim: n('agenda', 0.55, 0, 1, 'Claim voor stem selectief', 'Claim to vote selective', 'claim', 'When the core sets the rules, a member not voting open whose claim (mandate, standing, access, proactiveness) reaches this votes for selective entry.'),
  ruleInvitationAbove: n('agenda', 0.4, 0, 1, 'Drempel stem uitnodiging', 'Vote for invitation above', 'profile', 'When the core sets the rules, a member voting neither open nor selective votes for invitation if its need-recognition and value-adding average at least this, else for closed entry.'),
  ruleToleranceSpan: n('agenda', 0.8, 0, 1, 'Strengheid betrouwbare leden', 'Strictness of trustworthy members', 'fraction', 'When the core sets the rules, a member wants a free-riding tolerance of 1 − this × its trustworthiness.'),
  trustworthinessEffect: n('dialogue', 0.5, 0, 1, 'Invloed betrouwbaarheid op vertrouwen', 'Trustworthiness effect on trust', 'fraction', 'Trust gained in agreement is multiplied by (1 − w) + w × the pair\'s mean trustworthiness (rule 3 of “De kunst van het netwerken”). 0 switches it off.'),
  mobiliseBoost: n('meetings', 0.05, 0, 1, 'Mobilisatie door facilitator', 'Mobilisation by the facilitator', 'fraction', 'An outsider a facilitating leader brings into a meeting gains engagement by this × (1 − engagement).'),
  payoffWindow: int('payoffs', 10, 1, 1000, 'Venster opbrengstniveau', 'Payoff-level window', 'ticks', 'The payoff level every actor compares with its aspiration, and the per-archetype payoff measures, average payoff over this many ticks (an exponential average, bias-corrected), the same for every actor.'),
  identityPassieWeight: n('payoffs', 1, 0, 4, 'Gewicht passie', 'Passie weight', 'weight', 'Weight of passie (preferences vs the agenda) in identity fit, a weighted mean of passie, positie, opgave and how.'),
  identityPositieWeight: n('payoffs', 1, 0, 4, 'Gewicht positie', 'Positie weight', 'weight', 'Weight of positie (how central the network is to the actor\'s role) in identity fit.'),
  identityOpgaveWeight: n('payoffs', 1, 0, 4, 'Gewicht opgave', 'Opgave weight', 'weight', 'Weight of opgave (felt urgency) in identity fit.'),
  identityHowWeight: n('payoffs', 1, 0, 4, 'Gewicht werkwijze', 'How weight', 'weight', 'Weight of how (the actor\'s profile vs the rules\' style) in identity fit.'),
  positieRoleWeight: n('payoffs', 0.3, 0, 1, 'Gewicht rol in positie', 'Role weight in positie', 'fraction', 'Positie = w × position (core 1, periphery ½, outside 0) + (1 − w) × tie strength relative to the network\'s mean (saturating at twice the mean).'),
  meetShareMin: n('payoffs', 0.05, 0, 1, 'Minimaal ontmoetingsaandeel', 'Least meeting share', 'fraction', 'Lower bound of the share of resources an actor spends as meeting time (keep ≤ meetShareMax).'),
  meetShareMax: n('payoffs', 0.9, 0, 1, 'Maximaal ontmoetingsaandeel', 'Largest meeting share', 'fraction', 'Upper bound of the share of resources an actor spends as meeting time.'),
  meetingHabit: n('payoffs', 0.1, 0, 0.5, 'Ontmoetingsgewoonte (basis)', 'Meeting habit (base)', 'fraction', 'The meeting-time share an actor leans back to is this plus ½ × the mean of its profile\'s need recognition, value adding and patience (its start value and the pull of the budget rule).'),
  reputationSanction: n('action', 0.8, 0, 1, 'Reputatie na sanctie', 'Reputation after a sanction', 'factor', 'Code of conduct `reputation`: a detected free rider\'s reputation is multiplied by this.'),
  trustSanction: n('action', 0.7, 0, 1, 'Vertrouwen na sanctie', 'Trust after a sanction', 'factor', 'Code of conduct `trust`: every tie\'s trust toward a detected free rider is multiplied by this.'),
  joinBenefitFloor: n('action', 0.3, 0, 1, 'Drempel voordeel bij aansluiten', 'Least benefit to join', 'benefit', 'An actor joins a project only when its discounted benefit reaches this + ½ × selectivity − reciprocity owed − search (rule 5 of “De kunst van het netwerken”: mutual benefit).'),
} as const satisfies Record<string, ParamSpec>;

export type ParamKey = keyof typeof PARAMS;
export type Params = { [K in ParamKey]: (typeof PARAMS)[K] extends EnumParam ? string : number };

export function defaultParams(): Params {
  const out: Record<string, number | string> = {};
  for (const [k, spec] of Object.entries(PARAMS)) out[k] = spec.default;
  return out as Params;
}
