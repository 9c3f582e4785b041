import { useClientFeedback } from './api';
import { FeedbackList } from './FeedbackList';

/** Client card > Feedback: what the client answered about their visits (owners, managers). */
export function ClientFeedbackTab({ clientId }: { clientId: number }) {
  return <FeedbackList query={useClientFeedback(clientId)} showClient={false} testId="client-feedback" />;
}
