// Phrases that name kinds of personal data, mapped to the closed taxonomy of DESIGN.md §2.
// Entries with no types are blockers: they consume a phrase that would otherwise match a
// shorter entry wrongly ("domain names" is not `name`, "IP addresses" is not `address`).
// Bare umbrella words ("data", "information", "records", "files") map to nothing.

import type { DataType } from '../../types';

export interface LexiconEntry {
  pattern: RegExp;
  types: DataType[];
  /** The types of one match, when they depend on its words. */
  typesOf?: (text: string) => DataType[];
}

const ADDRESS_KIND = String.raw`(?:e-?mail|ip|internet protocol|home|postal|mailing|physical|shipping|billing|street|residential|business|delivery)`;

const ADJ = String.raw`(?:(?:their|its|his|her|your|our|the|some|all|full|customers?'?|users?'?|members?'?|patients?'?|employees?'?|staff|personal|private|sensitive|confidential|unencrypted|encrypted|plain-?text|stolen|leaked|exposed|home|work|mobile|cell|primary|current|old|internal|corporate|customer|user|guest|member|client|account|employee|patient|student|victim|business)\s+)*`;

function entry(source: string, types: DataType[]): LexiconEntry {
  return { pattern: new RegExp(String.raw`\b(?:${source})\b`, 'gi'), types };
}

export const DATA_TYPE_LEXICON: LexiconEntry[] = [
  // Blockers first in spirit; overlap resolution prefers the leftmost-longest phrase.
  entry(String.raw`(?:domain|brand|file|host|product|code|band|trade|place|street)\s+names?`, []),
  entry(String.raw`order (?:information|info|data|details)`, []),
  entry(String.raw`(?:phishing|spam|scam|fake|fraudulent|malicious|notification|warning)\s+(?:e-?mails?|messages|texts|calls)`, []),
  entry(String.raw`e-?mail (?:campaigns?|notifications?|alerts?|servers?|services?|providers?|scams?|attachments?|security|filters?)`, []),
  entry(String.raw`web ?(?:site )?addresses|url addresses|bitcoin addresses|wallet addresses`, []),
  // "email account compromise", "account takeover": the kind of attack, not a leaked field.
  entry(String.raw`(?:(?:e-?mail|business e-?mail|user|bank) )?account (?:compromises?|takeovers?|hijack(?:ing|s)?)|(?:account|bank) holders?|accountholders?`, []),
  // "accounts for a small share": the verb.
  entry(String.raw`accounts? for(?= (?:a|an|the|about|nearly|more|less|most|half|over|some|roughly|almost|up to|\d))|(?:take|took|taken|taking) into account|on account of`, []),
  entry(String.raw`password[- ](?:protect(?:ion|ed)|managers?|polic(?:y|ies)|resets?|requirements?|rules|strength|hygiene|reuse)|(?:without|no need for|no) (?:a )?passwords?|strong passwords?|two-factor|2fa`, []),
  entry(String.raw`security (?:researchers?|firms?|company|experts?|teams?|breach(?:es)?|updates?|flaws?|holes?|patches?)`, []),

  // "email and IP addresses", "physical, email and IP addresses": one head noun shared by
  // a coordination of kinds, each kind its own field.
  {
    pattern: new RegExp(String.raw`\b(?:${ADDRESS_KIND}(?:\s*,\s*(?:and\s+|or\s+)?|\s+(?:and|or|&)\s+))+${ADDRESS_KIND} addresse?s?\b`, 'gi'),
    types: ['address'],
    typesOf: (text) => {
      const kinds = text.toLowerCase().match(new RegExp(ADDRESS_KIND, 'g')) ?? [];
      return [...new Set(kinds.map((k): DataType => (/mail$/.test(k) && !/^(?:mailing)$/.test(k) ? 'email' : /^(?:ip|internet protocol)$/.test(k) ? 'ip_address' : 'address')))];
    },
  },
  entry(String.raw`${ADJ}personal and financial (?:information|info|data|details|records)`, ['personal_info', 'financial']),
  entry(String.raw`${ADJ}personal and account (?:information|info|data|details)`, ['personal_info', 'account']),
  entry(String.raw`${ADJ}payment and (?:customer|personal) (?:information|info|data|details)`, ['payment_card', 'personal_info']),
  entry(String.raw`${ADJ}customer and (?:credit card|payment(?: card)?) (?:information|info|data|details)`, ['personal_info', 'payment_card']),
  entry(String.raw`banking (?:logins|credentials|passwords)`, ['bank_account', 'username', 'password']),
  // A bare "emails" in a list of fields is addresses; qualified, it is message contents.
  entry(String.raw`(?<=(?:,|\band|&)\s)e-?mails?(?=\s*(?:,|\band\b|&|\.|;|$))|e-?mails(?=,|\s+(?:and|&)\s)`, ['email']),
  entry(String.raw`${ADJ}(?:e-?mail|email) addresse?s?|e-?mails? addresses|e-?mail lists?|e-?mail ids?`, ['email']),
  entry(String.raw`(?:ip|internet protocol) addresse?s?`, ['ip_address']),
  entry(String.raw`mac addresses|imei(?: numbers?)?|device (?:ids?|identifiers?|information|data|serial numbers?)|android ids?|udids?|serial numbers`, ['device']),
  entry(String.raw`${ADJ}(?:street|home|postal|mailing|physical|shipping|billing|residential|business)?\s*addresse?s?`, ['address']),

  entry(String.raw`${ADJ}(?:tele)?phone (?:numbers?|details|contacts)|${ADJ}(?:mobile|cell(?:phone)?|contact|telephone) (?:phone )?numbers?|cell phone number details|(?<=(?:,|\band|&)\s)(?:tele)?phones?(?=\s*(?:,|\band\b|&|\.|$))`, ['phone']),
  entry(String.raw`dates? of births?|birth ?dates?|birthdays?|dobs?`, ['date_of_birth']),

  entry(String.raw`w-?2(?: tax)? (?:forms?|information|data|paperwork|documents?)|(?:irs )?(?:form )?w-?2s?(?: tax)?(?: forms?| data)?`, ['government_id', 'financial']),
  entry(String.raw`social security (?:numbers?|details|information|cards?)|ssns?|social insurance numbers?|national (?:insurance|identity|id|identification) (?:numbers?|cards?)|passports?(?: (?:numbers?|details|scans?|images?|copies|data|information))?|(?:scans|copies|images|photos) of (?:their |customers['’] |users['’] )?(?:passports?|id cards?|driver['’]?s['’]? licen[cs]es?|identity documents)|driver['’]?s['’]? licen[cs]es?(?: numbers?| information| details| data)?|driving licen[cs]es?|(?:tax|taxpayer|employer) (?:id|identification) numbers?|identification numbers|id cards?|identity cards?|government[- ]issued ids?(?: cards?)?|aadhaar(?: numbers?| ids?| data| details| database)?|green cards?|visa (?:numbers|details|applications)`, ['government_id']),

  entry(String.raw`(?:login|log-in|sign-in|account|user) credentials|credentials|login (?:details|information|info|data)|logins and passwords|usernames? and passwords?|user ?names? and passwords?`, ['username', 'password']),
  entry(String.raw`${ADJ}(?:user ?names?|usernames?|user ids?|screen ?names?|login names?|logins?|nicknames?|handles)`, ['username']),
  entry(String.raw`${ADJ}(?:hashed |salted |encrypted |unencrypted |plain-?text |cleartext )?(?:passwords?|passcodes?|password (?:hashes|data|information|details)|pass ?phrases?)|password hashes|hashes|security (?:questions?|answers?)(?: and answers)?|pins?|pin (?:codes?|numbers?)|personal identification numbers`, ['password']),

  entry(String.raw`${ADJ}(?:credit|debit|payment|bank|loyalty|gift)?[- ]?card ?holder (?:names?|data|information|details)`, ['payment_card', 'name']),
  entry(String.raw`${ADJ}(?:credit|debit|payment)[- ](?:and debit )?cards?(?: (?:numbers?|data|details|information|info|records))?|card (?:numbers?|data|details|information|info)|cvvs?2?(?: (?:numbers?|codes?))?|cvcs?|(?:card )?(?:expiration|expiry) dates?|card verification (?:codes?|values?)|(?:card )?security codes?|payment (?:information|info|data|details|card data)|cardholder data|magnetic stripe data|track data|last four digits of (?:their |the )?(?:payment |credit )?card numbers?`, ['payment_card']),
  entry(String.raw`${ADJ}(?:online )?bank (?:account|card) (?:numbers?|details|information|data)|${ADJ}(?:online )?bank accounts?|bank(?:ing)? (?:details|information|data)|routing numbers?|sort codes?|ibans?|account numbers`, ['bank_account']),
  entry(String.raw`${ADJ}financial (?:information|info|data|details|records|statements)|(?:income|salary|salaries|wages?|compensation)(?: (?:information|data|details|records))?|payroll (?:information|data|details|records|files)|tax (?:returns?|forms?|information|records|data|documents|withholding(?: amounts)?)|(?:credit (?:scores?|reports?|histor(?:y|ies)))|loan (?:records|applications|information|details)|transactions?(?: (?:history|histories|data|records))?|bank statements|invoices`, ['financial']),

  entry(String.raw`${ADJ}(?:medical|health|healthcare|patient|clinical) (?:records|information|info|data|details|histor(?:y|ies)|conditions|files|claims)|(?:medical|health|insurance) claims?(?: data| information)?|protected health information|phi|diagnos[ie]s|prescriptions?|treatment (?:information|details|records)|lab(?:oratory)? (?:results|tests)|health insurance(?: (?:information|details|numbers?))?|medical insurance|insurance (?:ids?|numbers?|information|details)|health insurers|medicare numbers`, ['medical']),
  entry(String.raw`geolocations?(?: (?:data|information|histor(?:y|ies)))?|location (?:data|information|histor(?:y|ies)|details)|gps (?:data|coordinates|locations?)|whereabouts`, ['location']),
  entry(String.raw`(?:order|purchase|booking|travel|shopping) histor(?:y|ies)|purchases|purchase (?:records|details|information|data)|bookings|booking (?:details|information|records|data)|reservations?(?: (?:information|details|data))?|travel (?:details|itineraries|plans|records)|itineraries|orders placed`, ['order_history']),

  entry(String.raw`${ADJ}(?:e-?mail|email) (?:contents?|correspondence|messages|archives?|backups?|communications|inbox(?:es)?)|(?:private|internal|personal|corporate|confidential|leaked|stolen|hacked|their|his|her) (?:e-?mails|mails)|e-?mails (?:of|from|between|belonging to)`, ['communications']),
  entry(String.raw`e-?mails`, []),
  entry(String.raw`${ADJ}(?:e-?mail|email|gmail|yahoo|icloud|cloud|social media|facebook|twitter|instagram|bank) accounts?|account (?:details|information|info|data|ids?|names|profiles?)|${ADJ}accounts?|(?<![\w-])(?:(?:user|member|customer|social media|dating|online|their|his|her|your|account) profiles?|profiles)(?: (?:data|information))?|membership (?:information|details|numbers?|data)|(?:frequent flyer|loyalty|rewards?|member(?:ship)?) (?:numbers?|ids?|points)|apple ids?`, ['account']),
  entry(String.raw`${ADJ}(?:private |direct |text |chat |instant |voice )?messages|chat (?:logs|histor(?:y|ies)|transcripts)|conversations|correspondence|call (?:records|logs|recordings|histor(?:y|ies))|voice (?:recordings?|messages|mails?)|voicemails?|audio (?:recordings?|files)|sms(?: messages)?|message traffic`, ['communications']),
  entry(String.raw`${ADJ}(?:photos?|photographs?|pictures|selfies|images)`, ['photo']),
  entry(String.raw`fingerprints?(?: (?:data|records|scans))?|biometric (?:data|information|records|details)|biometrics|face ?prints?|facial (?:recognition )?(?:data|scans|images|geometry)|voice ?prints?|dna(?: (?:data|profiles?|results|samples))?|iris scans?|retina scans?`, ['biometric']),
  entry(String.raw`${ADJ}(?:employment|job|work) (?:histor(?:y|ies)|records|information|details|titles?)|job titles?|employers? (?:names?|information|details)|company names?|employee (?:records|files|data|information|details)|(?:hr|human resources|personnel) (?:records|files|data|information)|resumes|cvs|job applications|performance reviews`, ['employment']),
  entry(String.raw`${ADJ}(?:student|school|academic|education(?:al)?) (?:records|data|information|details|transcripts)|(?:student|school|academic|exam) (?:grades|results)|grade (?:records|reports|books)|gradebooks|report cards`, ['education']),

  entry(String.raw`${ADJ}(?:personal|personally identifiable|personally identifying|personal identifying|personal identity|identifying|identity|private|sensitive personal|basic|biographical|demographic) (?:and (?:account|financial|contact) )?(?:information|info|data|details|records)|pii|(?:customer|user|client|member|consumer|subscriber|voter|citizen|guest|passenger) (?:information|info|data|details|records|lists?)|contact (?:details|information|info|data)|voter (?:rolls|lists?|records|registration data)|identities|personal files`, ['personal_info']),
  entry(String.raw`${ADJ}names|(?:full|first|last|real|guest|customer|member|account ?holder) names?|(?:member|customer|user|guest|patient|employee|full|first|last|real|account ?holder)\s+name(?=,|\s+(?:and|&|or)\s)|\bname(?=,?\s+(?:and\s+|or\s+|&\s+)?(?:e-?mail|address|phone|date|birth|gender|surname|card|social|ssn|account|user|contact|home|postal|mobile))`, ['name']),

  entry(String.raw`source code|(?:application|program|software) code|hacking tools|(?:cyber|hacking|exploit) ?(?:tool ?kits?|tools)|exploits|intellectual property|trade secrets|blueprints|(?:unreleased|upcoming) (?:episodes?|films?|movies?|shows?|content|seasons?)|episodes|(?:tv|television) shows|films?|movies?|scripts|genders?|nationalit(?:y|ies)|ethnicit(?:y|ies)(?: data)?|religio(?:n|us (?:beliefs|affiliation))|sexual orientation|(?:confidential|classified|secret|military|government|diplomatic) documents|classified (?:information|data|files|material)|contracts|(?:access|session|authentication|api) (?:tokens?|keys)|(?:private|encryption|api|ssh) keys|cookies|session (?:data|cookies)|(?:surveillance|body ?camera|in-car|security|cctv) (?:videos?|footage)|video (?:clips?|recordings?|footage)|contact lists|address books|telemetry(?: data)?|vpn (?:details|credentials|configurations?)|keystrokes|browsing histor(?:y|ies)|search histor(?:y|ies)|http headers`, ['other']),
];
