// The word lists the organization rules read, kept apart from the patterns built from
// them: one list per concept, one term per entry. Add a word here, not a regex elsewhere.

/** Nationality and regional adjectives: they describe a name, they are not one ("Taiwanese"). */
export const NATIONALITIES = [
  'American', 'British', 'English', 'Chinese', 'Russian', 'Iranian', 'Israeli', 'Indian', 'Pakistani', 'Italian',
  'Turkish', 'French', 'German', 'Spanish', 'Dutch', 'Swedish', 'Norwegian', 'Danish', 'Finnish', 'Polish',
  'Ukrainian', 'Korean', 'North Korean', 'South Korean', 'Japanese', 'Vietnamese', 'Brazilian', 'Mexican',
  'Canadian', 'Australian', 'New Zealand', 'Saudi', 'Emirati', 'Qatari', 'Syrian', 'Iraqi', 'Egyptian', 'Nigerian',
  'Kenyan', 'South African', 'Irish', 'Scottish', 'Welsh', 'Belgian', 'Swiss', 'Austrian', 'Greek', 'Portuguese',
  'Romanian', 'Bulgarian', 'Hungarian', 'Czech', 'Slovak', 'Estonian', 'Latvian', 'Lithuanian', 'Singaporean',
  'Malaysian', 'Indonesian', 'Filipino', 'Thai', 'Taiwanese', 'European', 'Asian', 'African', 'Western', 'Eastern',
  'Catalan', 'Argentinian', 'Argentine', 'Chilean', 'Colombian', 'Peruvian', 'Croatian', 'Serbian', 'Slovenian',
  'Icelandic', 'Moroccan', 'Tunisian', 'Algerian', 'Bangladeshi', 'Sri Lankan', 'Nepali', 'Kazakh', 'Georgian',
  'Armenian', 'Hong Kong', 'Latin American', 'Middle Eastern', 'Scandinavian', 'Nordic', 'Muslim',
];

/**
 * People an organization serves or employs, as patterns: whose data is its own ("Target
 * customers", "Weibo users").
 */
export const CLIENT_NOUNS = [
  'users?', 'customers?', 'members', 'patients', 'subscribers', 'employees', 'staff(?:ers)?', 'workers', 'students',
  'pupils', 'clients', 'consumers', 'players', 'gamers', 'voters', 'account ?holders', 'card ?holders',
  'cardholders', 'policy ?holders', 'guests', 'travel+ers', 'passengers', 'donors', 'shoppers', 'alumni', 'faculty',
  'applicants', 'enrollees', 'beneficiaries', 'borrowers', 'tenants', 'readers', 'viewers', 'listeners', 'fans',
  'visitors',
];

/** Nouns for people, as patterns: the population a count is of ("538 million Weibo users"). */
export const PEOPLE_NOUNS = [
  ...CLIENT_NOUNS,
  'people', 'servicemen', 'servicewomen', 'service members', 'persons', 'individuals', 'citizens', 'residents',
  'children', 'kids', 'parents', 'victims', 'taxpayers', 'veterans', 'teachers', 'officers', 'officials', 'agents',
  'doctors', 'physicians', 'nurses', 'soldiers', 'troops', 'personnel', 'job ?seekers', 'retirees', 'pensioners',
  'owners', 'drivers', 'riders', 'buyers', 'sellers', 'vendors', 'merchants', 'partners', 'contractors',
  'volunteers', 'americans', 'britons', 'canadians', 'australians', 'indians', 'californians', 'texans', 'families',
  'households', 'homeowners', 'inmates', 'prisoners', 'women', 'men', 'adults', 'minors', 'teenagers', 'developers',
  'administrators', 'admins', 'moderators', 'investors', 'shareholders', 'claimants', 'participants', 'respondents',
  'candidates', 'recruits', 'servicemembers',
];

/** Nouns for data as a whole, as patterns: what is breached, taken or leaked ("customer records"). */
export const DATA_NOUNS = ['data', 'information', 'info', 'records?', 'files?', 'documents?', 'e-?mails?', 'credentials', 'passwords?', 'accounts?'];

/** Nouns for the systems that hold data ("the Acme servers"). */
export const SYSTEM_NOUNS = ['databases?', 'db', 'servers?', 'systems?', 'networks?', 'website', 'site', 'forums?', 'portal', 'app', 'platform', 'cloud'];

/** Nouns for a breach itself ("the Acme breach"). */
export const BREACH_NOUNS = [
  'breach(?:es)?', 'hacks?', 'leaks?', 'data breach(?:es)?', 'security breach', 'cyber-?attack', 'cyber attack', 'incident',
  'intrusion', 'compromise', 'mega-breach',
];

/**
 * Words that make a capitalised name an organization's and may end one ("Queen Mary
 * Hospital", "Pinecrest Payroll Services", "Acme Ltd").
 */
export const ORGANIZATION_WORDS = [
  'Hospital', 'Clinic', 'Medical', 'Medical Center', 'Health', 'Healthcare', 'University', 'College', 'School',
  'Academy', 'Bank', 'Group', 'Inc', 'Corp', 'Corporation', 'Company', 'Co', 'Ltd', 'LLC', 'plc', 'Agency',
  'Department', 'Ministry', 'Center', 'Centre', 'Foundation', 'Association', 'Institute', 'Council', 'Services',
  'Systems', 'Technologies', 'Labs', 'Studios', 'Games', 'Airways', 'Airlines', 'Hotel', 'Hotels', 'Insurance',
  'Financial', 'Partners', 'Solutions', 'Media', 'Network', 'Networks', 'Communications', 'Learning', 'Internet',
  'Telecom', 'Pharmacy', 'Pediatrics', 'Dental', 'Care', 'Travel', 'Entertainment', 'Holdings', 'Industries',
  'Motors', 'Energy', 'Foods', 'Stores', 'Credit Union', 'Union', 'Police', 'Authority', 'Party', 'Bureau', 'Office',
  'Committee', 'Commission', 'Club', 'Church', 'Times', 'Post', 'Government', 'Administration', 'Court', 'Hall',
];

/**
 * Head nouns of the descriptor that introduces an organization's name: "the online betting
 * platform 1win", "the Chinese email service known as 126", "Mexican bank Banorte".
 */
export const ORGANIZATION_HEADS = [
  'service', 'services', 'site', 'website', 'web site', 'platform', 'forum', 'forums', 'board', 'message board',
  'community', 'app', 'application', 'software', 'tool', 'game', 'chatroom', 'marketplace', 'market', 'store',
  'shop', 'retailer', 'reseller', 'company', 'firm', 'startup', 'start-up', 'business', 'brand', 'chain',
  'provider', 'operator', 'network', 'portal', 'exchange', 'directory', 'aggregator', 'broker', 'publisher',
  'magazine', 'blog', 'newspaper', 'bank', 'lender', 'insurer', 'group', 'agency', 'maker', 'manufacturer',
  'developer', 'studio', 'school', 'university', 'college', 'hospital', 'clinic', 'charity', 'organisation',
  'organization', 'association', 'club', 'league', 'tracker', 'host', 'registrar', 'reseller', 'wallet',
  'exchange', 'dealer', 'distributor', 'supplier', 'vendor', 'carrier', 'airline', 'hotel', 'restaurant',
  'franchise', 'conglomerate', 'outlet', 'label', 'server', 'project', 'fansite', 'imageboard', 'wiki',
  'publishing house', 'fashion house', 'auction house', 'mall', 'shopping mall',
];

/**
 * Organizations in the plural: what a tally counts ("more than 100 organizations") and what a
 * breached one is among ("among the compromised retailers").
 */
export const ORGANIZATION_PLURALS = [
  'organizations', 'organisations', 'companies', 'businesses', 'firms', 'institutions', 'hospitals', 'clinics',
  'agencies', 'retailers', 'universities', 'schools', 'banks', 'brands',
];

/** The systems organizations run, in the plural: what a breached one is among ("among the compromised forums"). */
export const SYSTEM_PLURALS = ['sites', 'websites', 'forums', 'services', 'databases', 'apps', 'platforms', 'stores', 'shops', 'marketplaces'];

/** Nouns for breaches and reports of them, in the plural: what a tally counts ("253 breach notifications"). */
export const BREACH_PLURALS = ['breaches', 'incidents', 'notifications', 'attacks', 'hacks', 'leaks', 'victims'];

/**
 * Software, formats and hosts that news names beside a breach without being the breached
 * party: forum engines, hash functions, databases and clouds that held the data, platforms.
 * Such a name is a victim only when a sentence says it was itself breached.
 */
export const TECHNOLOGY_NAMES = [
  'vBulletin', 'MyBB', 'phpBB', 'IPB', 'IP.Board', 'Invision Power Board', 'XenForo', 'SMF', 'Simple Machines',
  'Simple Machines Forum', 'Discuz', 'Discuz!', 'WordPress', 'Joomla', 'Drupal', 'Magento', 'WooCommerce',
  'Shopify', 'MySQL', 'PostgreSQL', 'PostgresSQL', 'MongoDB', 'Mongo', 'Mongo DB', 'Elasticsearch', 'Kibana',
  'Redis', 'CouchDB', 'Cassandra', 'Firebase', 'Amazon Web Services', 'AWS', 'Amazon S3', 'S3', 'Azure',
  'Microsoft Azure', 'Google Cloud', 'Pastebin', 'Android', 'iOS', 'DOS', 'MS-DOS', 'Windows', 'Linux', 'macOS', 'Steam', 'Minecraft',
  'Excel', 'Microsoft Excel', 'Cydia', 'Tor', 'Bitcoin', 'Ethereum', 'SQL', 'PHP', 'API', 'ISO',
  // Network protocols: the means of access, never the breached party.
  'FTP', 'SFTP', 'SMB', 'RDP', 'SSH', 'HTTP', 'HTTPS', 'SMTP', 'IMAP', 'POP3', 'Telnet', 'rsync',
];

/**
 * Kinds of malicious software and attack tools: the name before one is the tool's ("the
 * GhostAdmin malware", "the Mirai botnet"), not an organization's.
 */
export const MALWARE_KINDS = [
  'malware', 'ransomware', 'trojan', 'botnet', 'worm', 'virus', 'backdoor', 'rootkit', 'spyware', 'keylogger',
  'infostealer', 'stealer', 'loader', 'dropper', 'exploit kit', 'exploit', 'RAT', 'wiper', 'skimmer',
];

/** Hash functions and ciphers: named with leaked passwords, never a victim. */
export const HASH_NAMES = ['MD5', 'SHA-1', 'SHA1', 'SHA-256', 'SHA256', 'SHA-512', 'SHA512', 'bcrypt', 'scrypt', 'PBKDF2', 'Argon2', 'DES', 'AES', 'NTLM', 'crypt'];

/** A pattern matching any of the terms, whole words, as written (or any case). */
export function termPattern(terms: readonly string[], flags = ''): RegExp {
  const alternatives = [...terms].sort((a, b) => b.length - a.length).map(escapeRegExp);
  return new RegExp(`^(?:${alternatives.join('|')})$`, flags);
}

/** The alternation of the terms, longest first, for use inside a larger pattern. */
export function termAlternation(terms: readonly string[]): string {
  return [...new Set(terms)].sort((a, b) => b.length - a.length).map(escapeRegExp).join('|');
}

export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
