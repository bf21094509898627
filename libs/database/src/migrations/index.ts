// Listed explicitly so that compiled and ts-jest runs load the same set, in order.
import { Foundation1795421028756 } from './1795421028756-Foundation';
import { AccountsAndPrivacy1795422670205 } from './1795422670205-AccountsAndPrivacy';
import { MatchResults1795430000000 } from './1795430000000-MatchResults';
import { InsightSnapshots1795436000000 } from './1795436000000-InsightSnapshots';
import { CohortIntake1795440000000 } from './1795440000000-CohortIntake';
import { WorkerMatchByScore1795450000000 } from './1795450000000-WorkerMatchByScore';

export const MIGRATIONS: Function[] = [Foundation1795421028756, AccountsAndPrivacy1795422670205, MatchResults1795430000000, InsightSnapshots1795436000000, CohortIntake1795440000000, WorkerMatchByScore1795450000000];
