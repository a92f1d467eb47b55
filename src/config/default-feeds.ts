import type { FeedConfig } from '../types';

/** Security and tech-news feeds polled when no config file lists its own (the sites' published feed URLs). */
export const DEFAULT_FEEDS: FeedConfig[] = [
  { id: 'bleepingcomputer', name: 'BleepingComputer', url: 'https://www.bleepingcomputer.com/feed/' },
  { id: 'therecord', name: 'The Record', url: 'https://therecord.media/feed' },
  { id: 'krebsonsecurity', name: 'Krebs on Security', url: 'https://krebsonsecurity.com/feed/' },
  { id: 'databreaches', name: 'DataBreaches.net', url: 'https://databreaches.net/feed/' },
  { id: 'securityweek', name: 'SecurityWeek', url: 'https://www.securityweek.com/feed/' },
  { id: 'technode', name: 'TechNode', url: 'https://technode.com/feed/' },
  { id: 'hipaajournal', name: 'HIPAA Journal', url: 'https://www.hipaajournal.com/feed/' },
  { id: 'thehackernews', name: 'The Hacker News', url: 'https://feeds.feedburner.com/TheHackersNews' },
  { id: 'darkreading', name: 'Dark Reading', url: 'https://www.darkreading.com/rss.xml' },
  { id: 'infosecurity', name: 'Infosecurity Magazine', url: 'https://www.infosecurity-magazine.com/rss/news/' },
  { id: 'theregister-security', name: 'The Register: Security', url: 'https://www.theregister.com/security/headlines.atom' },
  { id: 'techcrunch-security', name: 'TechCrunch: Security', url: 'https://techcrunch.com/category/security/feed/' },
  { id: 'helpnetsecurity', name: 'Help Net Security', url: 'https://www.helpnetsecurity.com/feed/' },
  { id: 'cyberscoop', name: 'CyberScoop', url: 'https://cyberscoop.com/feed/' },
  { id: 'grahamcluley', name: 'Graham Cluley', url: 'https://grahamcluley.com/feed/' },
  { id: 'troyhunt', name: 'Troy Hunt', url: 'https://www.troyhunt.com/rss/' },
];
