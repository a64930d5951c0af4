// The referral ask on the thank-you page, without a UI framework: Polaris web components created through the DOM
// that Shopify's extension runtime provides, and the `shopify` global (session token, order confirmation, settings).
import { fetchAsk, type AskAnswer } from "./bridge";

/** The parts of the thank-you target's `shopify` global this extension reads. */
interface ThankYouApi {
  sessionToken: { get(): Promise<string> };
  orderConfirmation: { value: { order: { id: string } } | undefined };
  settings: { value: { bridge_url?: string } };
}

declare const shopify: ThankYouApi;

export default async function extension(): Promise<void> {
  const bridgeUrl = shopify.settings.value.bridge_url;
  const orderId = shopify.orderConfirmation.value?.order.id;
  if (!bridgeUrl || !orderId) {
    return; // not configured yet, or no order: show nothing rather than an error to the buyer
  }

  const answer = await fetchAsk(bridgeUrl, orderId, await shopify.sessionToken.get());
  if (answer && (answer.rating || answer.referral)) {
    document.body.append(render(answer));
  }
}

function render(answer: AskAnswer): HTMLElement {
  const stack = element("s-stack", { gap: "base" });
  if (answer.rating) {
    stack.append(element("s-heading", {}, answer.rating.question));
    const scores = element("s-stack", { direction: "inline", gap: "small-200" });
    answer.rating.links.forEach((href, score) => {
      scores.append(element("s-link", { href, target: "_blank" }, String(score)));
    });
    stack.append(scores, element("s-text", { color: "subdued" }, "0 = not at all likely, 10 = extremely likely"));
  }
  if (answer.referral) {
    stack.append(
      element("s-text", {}, `Know someone who would enjoy this too? They get ${answer.referral.friendOffer}.`),
      element("s-text", { type: "strong" }, answer.referral.link),
      element("s-clipboard-item", { id: "referral-link", text: answer.referral.link }),
      element("s-button", { commandfor: "referral-link" }, "Copy your link"),
    );
  }
  return stack;
}

function element(tag: string, attributes: Record<string, string>, text?: string): HTMLElement {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    node.setAttribute(name, value);
  }
  if (text !== undefined) {
    node.textContent = text;
  }
  return node;
}
