/** The JSON the bridge answers on GET /shopify/extension/ask (ThankYouAskResponse in the bridge). */
export interface AskAnswer {
  order: string;
  rating: { question: string; links: string[] } | null;
  referral: { code: string; link: string; friendOffer: string } | null;
}

/**
 * Asks the bridge what to show for an order. The session token proves the shop to the bridge; no cookies are sent.
 * Returns null when the bridge cannot be reached or refuses, so the block simply stays empty.
 */
export async function fetchAsk(bridgeUrl: string, orderId: string, sessionToken: string): Promise<AskAnswer | null> {
  const url = `${bridgeUrl.replace(/\/+$/, "")}/shopify/extension/ask?order=${encodeURIComponent(orderId)}`;
  try {
    const response = await fetch(url, { headers: { Authorization: `Bearer ${sessionToken}` } });
    if (!response.ok) {
      return null;
    }
    return (await response.json()) as AskAnswer;
  } catch {
    return null;
  }
}
