import { Foundation1763900000000 } from './1763900000000-Foundation';
import { Courses1763990000000 } from './1763990000000-Courses';
import { Video1764100000000 } from './1764100000000-Video';
import { CourseCover1764200000000 } from './1764200000000-CourseCover';
import { VideoProgressPerAsset1764300000000 } from './1764300000000-VideoProgressPerAsset';
import { QuestionBank1764400000000 } from './1764400000000-QuestionBank';
import { Quizzes1764500000000 } from './1764500000000-Quizzes';
import { VneidIdentity1764600000000 } from './1764600000000-VneidIdentity';
import { Certificates1764700000000 } from './1764700000000-Certificates';
import { Campaign1764800000000 } from './1764800000000-Campaign';
import { CommunitySessions1764900000000 } from './1764900000000-CommunitySessions';
import { CampaignHouseholds1764910000000 } from './1764910000000-CampaignHouseholds';
import { CampaignReports1764920000000 } from './1764920000000-CampaignReports';
import { CampaignCommunityStats1764930000000 } from './1764930000000-CampaignCommunityStats';

/**
 * Every migration, in order. Listed explicitly (not globbed) so compiled builds, tests and the CLI
 * run exactly the same set; a unit test fails if a file in this folder is missing here.
 */
export const MIGRATIONS = [
  Foundation1763900000000,
  Courses1763990000000,
  Video1764100000000,
  CourseCover1764200000000,
  VideoProgressPerAsset1764300000000,
  QuestionBank1764400000000,
  Quizzes1764500000000,
  VneidIdentity1764600000000,
  Certificates1764700000000,
  Campaign1764800000000,
  CommunitySessions1764900000000,
  CampaignHouseholds1764910000000,
  CampaignReports1764920000000,
  CampaignCommunityStats1764930000000,
];
