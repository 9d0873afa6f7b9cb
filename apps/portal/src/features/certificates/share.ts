/** The parts of `navigator` sharing uses (passed in, so the choice can be tested without a browser). */
export interface ShareCapabilities {
  share?: (data: ShareData) => Promise<void>;
  clipboard?: { writeText: (text: string) => Promise<void> };
}

export type ShareOutcome = 'shared' | 'copied' | 'cancelled' | 'failed';

function isAbort(error: unknown): boolean {
  return typeof error === 'object' && error !== null && 'name' in error && error.name === 'AbortError';
}

/**
 * Shares a certificate's verification link: the phone's own share sheet (Zalo, Messenger, SMS) where
 * there is one, else the link is copied. Closing the share sheet is not a failure.
 */
export async function shareLink(
  capabilities: ShareCapabilities,
  data: { title: string; text: string; url: string },
): Promise<ShareOutcome> {
  if (typeof capabilities.share === 'function') {
    try {
      await capabilities.share(data);
      return 'shared';
    } catch (error) {
      if (isAbort(error)) return 'cancelled';
      // Refused (no user gesture left, a policy): copying may still work.
    }
  }
  if (capabilities.clipboard) {
    try {
      await capabilities.clipboard.writeText(data.url);
      return 'copied';
    } catch {
      return 'failed';
    }
  }
  return 'failed';
}
