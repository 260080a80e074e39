import './style.css';
import { mountPage } from '@/components/mount-page';
import { EvidenceDb } from '@/lib/evidence/db';
import { language } from '@/lib/i18n';
import { ReviewPage } from './ReviewPage';

// Read only: every write goes through the background, the single writer of the hash chain.
const db = new EvidenceDb();

function Review() {
  return <ReviewPage db={db} lang={language()} />;
}

void mountPage(Review, document.getElementById('app')!, 'review_title');
