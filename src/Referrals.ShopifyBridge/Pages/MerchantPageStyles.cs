namespace Referrals.ShopifyBridge.Pages;

/// <summary>
/// The extra rules of the shop pages (navigation, tables that scroll sideways on a phone, cards, form groups), kept
/// apart from <see cref="BridgePage"/>'s frame. Phone first; wider screens get a wider column.
/// </summary>
internal static class MerchantPageStyles
{
    public const string Css =
        "@media(min-width:60rem){body{max-width:56rem}}"
        + "nav{display:flex;flex-wrap:wrap;gap:.3rem;margin:.5rem 0}nav a{padding:.45rem .8rem;border:1px solid #c9cfe0;border-radius:.4rem;text-decoration:none;color:#1b264f}"
        + "nav a[aria-current]{background:#1b264f;color:#fff}.shop{color:#5a6380;margin:.2rem 0 1rem}"
        + ".scroll{overflow-x:auto}.grid th{text-align:left;padding:.35rem .8rem .35rem 0;border-bottom:2px solid #c9cfe0;white-space:nowrap;font-size:.9rem}"
        + ".grid td+td{font-weight:400}.grid td{white-space:nowrap}.num{text-align:right}.grid th.num{text-align:right}.nowrap{white-space:nowrap}"
        + ".cards{list-style:none;padding:0}.cards li{border:1px solid #e3e6ef;border-radius:.5rem;padding:.8rem;margin:.6rem 0}"
        + "pre{white-space:pre-wrap;word-break:break-word;background:#f5f6fa;padding:.5rem;font-size:.85rem}"
        + "select,textarea{width:100%;box-sizing:border-box;padding:.6rem;font-size:1rem}textarea{min-height:7rem;font-family:ui-monospace,monospace;font-size:.9rem}"
        + "input[type=checkbox]{width:auto;margin-right:.5rem}label.check{display:flex;align-items:center;font-weight:600}"
        + "fieldset{border:1px solid #e3e6ef;border-radius:.5rem;margin:1rem 0;padding:.4rem .9rem .9rem}legend{font-weight:700;padding:0 .3rem}"
        + ".row{display:grid;grid-template-columns:repeat(auto-fit,minmax(11rem,1fr));gap:0 1rem}"
        + ".problem{color:#a4161a;margin:.2rem 0;font-size:.9rem}.finding{color:#8a5a00;margin:.2rem 0;font-size:.9rem}.hint{color:#5a6380;font-size:.85rem;margin:.2rem 0}"
        + ".ok{color:#1e6b2e}.danger{background:#a4161a;color:#fff;border:0;border-radius:.3rem}.actions button{margin-right:.5rem}"
        + "form.inline{display:flex;flex-wrap:wrap;gap:.5rem;align-items:end}form.inline label{margin:0}form.inline select{width:auto}form.inline button{margin:0}"
        + ".pager{justify-content:center;align-items:center;gap:1rem}"
        + ".small{color:#8a5a00;font-weight:700;margin-left:.15rem}.insights tr.pair td{border-top:2px solid #c9cfe0}.insights td[rowspan]{font-weight:600;vertical-align:top}.insights th{white-space:normal;vertical-align:bottom}.insights th,.insights td{padding-right:.6rem}";
}
