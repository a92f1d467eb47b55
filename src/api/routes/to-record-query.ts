import type { RecordQuery } from '../../store/record-store';
import type { FilterQuery } from '../query-schema';

/** The API's query-string names mapped onto the store's query. */
export function toRecordQuery(q: FilterQuery): RecordQuery {
  return { org: q.organization, dataType: q.dataType, since: q.since, until: q.until, minCount: q.minCount };
}
