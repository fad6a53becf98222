package com.kakehashi.bootstrap;

import com.kakehashi.identity.Caller;
import com.kakehashi.identity.Role;
import com.kakehashi.identity.UserView;
import com.kakehashi.register.ApprovalDecision;
import com.kakehashi.register.Classification;
import com.kakehashi.register.NewApproval;
import com.kakehashi.register.NewRegisterItem;
import com.kakehashi.register.NewRegisterVersion;
import com.kakehashi.register.RegisterArea;
import com.kakehashi.register.RegisterService;
import com.kakehashi.register.RegisterViews.RegisterItemView;
import com.kakehashi.vocabulary.Side;
import com.kakehashi.vocabulary.WarningSign;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static com.kakehashi.register.ApprovalDecision.AGREE;
import static com.kakehashi.register.ApprovalDecision.DISAGREE;
import static com.kakehashi.register.Classification.ADAPTABLE;
import static com.kakehashi.register.Classification.LOCAL;
import static com.kakehashi.register.Classification.NON_NEGOTIABLE;
import static com.kakehashi.vocabulary.Side.HQ;
import static com.kakehashi.vocabulary.Side.JAPAN;
import static com.kakehashi.vocabulary.WarningSign.AUTHORITY_GAP;
import static com.kakehashi.vocabulary.WarningSign.CONSENSUS_PACE;
import static com.kakehashi.vocabulary.WarningSign.EXCLUSION;
import static com.kakehashi.vocabulary.WarningSign.EXECUTION_DELAY;
import static com.kakehashi.vocabulary.WarningSign.MOMENTUM;
import static com.kakehashi.vocabulary.WarningSign.RISK_LENS;
import static com.kakehashi.vocabulary.WarningSign.TRUST_EROSION;

/**
 * A demo tenant's global–local register, written through {@link RegisterService} as the consultant
 * would have kept it since the engagement started: Northwind's has eleven items, two open
 * disagreements (a discount policy HQ calls non-negotiable that Japan wants adaptable, and a sales
 * target split Japan wants adaptable that HQ calls non-negotiable), one item reopened by a change
 * that Japan has not agreed yet, and the rest agreed by both sides. Contoso's is short and agreed.
 */
@Singleton
class DemoRegister {

    /** Northwind's HQ executive: she records her own words when she is a member (the demo login). */
    static final String HQ_EXECUTIVE = "Greta Hoffmann";

    /** One entry's history: versions and words, oldest first. */
    sealed interface Step permits Change, Word {
        int daysAgo();
    }

    record Change(int daysAgo, Classification classification, String rationale) implements Step {
    }

    record Word(int daysAgo, Side side, ApprovalDecision decision, String approver, String comment) implements Step {
    }

    record Entry(String title, RegisterArea area, List<WarningSign> signs, List<Step> steps) {
    }

    private static final String CFO = "Anna Schmidt (CFO)";
    private static final String VP_APAC = "Thomas Wagner (VP APAC)";
    private static final String JAPAN_PRESIDENT = "佐藤 健（日本法人 代表取締役）";
    private static final String JAPAN_SALES = "鈴木 美咲（営業本部長）";

    private final RegisterService register;
    private final Clock clock;

    DemoRegister(RegisterService register, Clock clock) {
        this.register = register;
        this.clock = clock;
    }

    /** Runs inside the tenant's context; {@code members.getFirst()} is the consultant who keeps the register. */
    List<RegisterItemView> seed(List<UserView> members, String storyName) {
        List<Entry> entries = STORIES.getOrDefault(storyName, List.of());
        UserView keeper = members.getFirst();
        Caller consultant = new Caller(keeper.id(), keeper.email(), keeper.role());
        // An executive who is a member speaks for herself; everyone else's words are recorded by the consultant.
        Map<String, Caller> executives = members.stream().filter(m -> m.role() == Role.EXECUTIVE)
                .collect(Collectors.toMap(UserView::displayName, m -> new Caller(m.id(), m.email(), m.role()), (a, b) -> a));
        Instant now = clock.instant();
        return entries.stream().map(entry -> seed(entry, consultant, executives, now)).toList();
    }

    private RegisterItemView seed(Entry entry, Caller consultant, Map<String, Caller> executives, Instant now) {
        Change first = (Change) entry.steps().getFirst();
        RegisterItemView item = register.create(consultant, new NewRegisterItem(entry.title(), entry.area(), entry.signs(),
                first.classification(), first.rationale()), at(now, first.daysAgo()));
        for (Step step : entry.steps().subList(1, entry.steps().size())) {
            int version = item.current().version();
            if (step instanceof Change change) {
                item = register.propose(consultant, item.id(), new NewRegisterVersion(change.classification(), change.rationale(),
                        version), at(now, change.daysAgo()));
            } else if (step instanceof Word word) {
                Caller herself = executives.get(word.approver());
                item = register.approve(herself != null ? herself : consultant, item.id(), new NewApproval(word.side(),
                        word.decision(), version, word.comment(), herself != null ? null : word.approver()), at(now, word.daysAgo()));
            }
        }
        return item;
    }

    /** In the middle of a working day, so the history reads like meetings, not like a script. */
    private static Instant at(Instant now, int daysAgo) {
        return now.minus(Duration.ofDays(daysAgo)).minus(Duration.ofHours(daysAgo % 5 + 1));
    }

    private static Change change(int daysAgo, Classification classification, String rationale) {
        return new Change(daysAgo, classification, rationale);
    }

    private static Word agree(int daysAgo, Side side, String approver) {
        return new Word(daysAgo, side, AGREE, approver, null);
    }

    private static Word agree(int daysAgo, Side side, String approver, String comment) {
        return new Word(daysAgo, side, AGREE, approver, comment);
    }

    private static Word disagree(int daysAgo, Side side, String approver, String comment) {
        return new Word(daysAgo, side, DISAGREE, approver, comment);
    }

    static final List<Entry> NORTHWIND = List.of(
            new Entry("Discount policy / 値引きポリシー", RegisterArea.PRICING, List.of(RISK_LENS, CONSENSUS_PACE), List.of(
                    change(63, NON_NEGOTIABLE, "One global discount grid: at most 12% off list price without CFO approval. "
                            + "Margins are steered globally and auditors compare regions."),
                    agree(62, HQ, CFO, "Non-negotiable: the grid is what protects margin in every region."),
                    disagree(56, JAPAN, JAPAN_SALES, "国内の代理店契約は年間ボリュームリベートが前提で、12%の上限では主要3社との更新ができません。"
                            + "上限（マージン下限）はグローバルで守り、リベートの形は日本で決める「適応可能」を希望します。\n"
                            + "(Our distributor contracts rest on annual volume rebates; a 12% cap blocks renewal with the top three. "
                            + "Keep the global margin floor, let Japan shape the rebates: ADAPTABLE.)"))),
            new Entry("Channel split of sales targets / 販売目標のチャネル配分", RegisterArea.SALES_TARGETS,
                    List.of(EXECUTION_DELAY, TRUST_EROSION), List.of(
                    change(30, ADAPTABLE, "HQ sets Japan's annual revenue target; Japan splits it between direct sales and "
                            + "distributors as the market allows."),
                    agree(27, JAPAN, JAPAN_PRESIDENT, "日本市場の代理店比率は他地域と大きく異なるため、配分は日本で決めたい。"),
                    disagree(20, HQ, VP_APAC, "The global plan books direct and partner revenue separately; the split "
                            + "drives headcount in APAC. We see it as NON_NEGOTIABLE for this fiscal year."))),
            new Entry("Reporting cadence to HQ / 本社への報告頻度", RegisterArea.REPORTING, List.of(MOMENTUM, TRUST_EROSION), List.of(
                    change(160, NON_NEGOTIABLE, "Weekly sales report in the global template, every Monday."),
                    agree(158, HQ, VP_APAC),
                    agree(155, JAPAN, JAPAN_SALES, "週次で対応します。"),
                    change(12, ADAPTABLE, "Monthly global KPI pack in the global template; weekly detail only on request. "
                            + "The weekly report took two days a week in Japan and was rarely read."),
                    agree(10, HQ, HQ_EXECUTIVE, "Agreed: we read the monthly pack, not the weekly one."))),
            new Entry("Brand guidelines / ブランドガイドライン", RegisterArea.BRAND, List.of(), List.of(
                    change(150, NON_NEGOTIABLE, "Logo, colours and product names as in the global brand book."),
                    agree(149, HQ, HQ_EXECUTIVE),
                    agree(146, JAPAN, JAPAN_PRESIDENT))),
            new Entry("Approval limits of the Japan country manager / 日本法人社長の決裁権限", RegisterArea.APPROVAL_LIMITS,
                    List.of(AUTHORITY_GAP, CONSENSUS_PACE), List.of(
                    change(120, NON_NEGOTIABLE, "Every commitment above EUR 50,000 is approved at HQ."),
                    agree(119, HQ, CFO),
                    disagree(115, JAPAN, JAPAN_PRESIDENT, "5万ユーロ超をすべて本社承認にすると、顧客への回答が3週間遅れます。"
                            + "(Every deal above EUR 50k waits three weeks for HQ; customers go elsewhere.)"),
                    change(45, ADAPTABLE, "Japan's country manager approves up to EUR 250,000 within the agreed budget; "
                            + "above that, HQ. Limits reviewed yearly."),
                    agree(43, HQ, CFO),
                    agree(40, JAPAN, JAPAN_PRESIDENT, "ありがとうございます。決裁の早さを顧客に示せます。"))),
            new Entry("Product safety specifications / 製品安全仕様", RegisterArea.PRODUCT, List.of(RISK_LENS), List.of(
                    change(140, NON_NEGOTIABLE, "Safety specifications and test protocols are identical worldwide."),
                    agree(139, HQ, HQ_EXECUTIVE),
                    agree(137, JAPAN, JAPAN_PRESIDENT, "日本の規格で追加試験が必要な場合は上乗せで実施します。"))),
            new Entry("Packaging and Japanese labelling / 包装と日本語表示", RegisterArea.PRODUCT, List.of(), List.of(
                    change(135, LOCAL, "Japan decides packaging sizes and Japanese labels within the regulations."),
                    agree(133, HQ, VP_APAC),
                    agree(133, JAPAN, JAPAN_SALES))),
            new Entry("Launch dates in Japan / 日本での発売日", RegisterArea.PRODUCT, List.of(EXCLUSION, CONSENSUS_PACE), List.of(
                    change(100, ADAPTABLE, "The global launch window is fixed; Japan picks its date within six weeks of it, "
                            + "after its own customer and distributor briefings."),
                    agree(97, JAPAN, JAPAN_PRESIDENT, "事前の代理店説明会の時間が取れるので賛成です。"),
                    agree(95, HQ, VP_APAC))),
            new Entry("Yen price list / 円建て価格表", RegisterArea.PRICING, List.of(RISK_LENS), List.of(
                    change(90, ADAPTABLE, "Japan sets yen list prices inside the global price corridor (±8% of the "
                            + "euro reference at the planning rate)."),
                    agree(88, HQ, CFO),
                    agree(86, JAPAN, JAPAN_SALES))),
            new Entry("Hiring and onboarding in Japan / 日本での採用とオンボーディング", RegisterArea.PEOPLE, List.of(TRUST_EROSION),
                    List.of(
                    change(80, LOCAL, "Japan hires and onboards in its own way; global values training is offered in Japanese."),
                    agree(79, JAPAN, JAPAN_PRESIDENT),
                    agree(76, HQ, HQ_EXECUTIVE))),
            new Entry("CRM data model / CRMのデータモデル", RegisterArea.REPORTING, List.of(EXECUTION_DELAY), List.of(
                    change(170, NON_NEGOTIABLE, "One CRM data model worldwide, so pipeline and forecast add up."),
                    agree(168, HQ, VP_APAC),
                    agree(163, JAPAN, JAPAN_SALES, "日本独自の項目は備考欄で運用します。"))));

    static final List<Entry> CONTOSO = List.of(
            new Entry("Clinical claims in marketing / 販促資料の臨床的主張", RegisterArea.BRAND, List.of(RISK_LENS), List.of(
                    change(50, NON_NEGOTIABLE, "Every clinical claim is reviewed by global medical affairs."),
                    agree(49, HQ, "Robert Hayes"),
                    agree(47, JAPAN, "田中 誠（メディカル部長）"))),
            new Entry("Launch sequence / 発売順序", RegisterArea.PRODUCT, List.of(RISK_LENS, CONSENSUS_PACE), List.of(
                    change(40, ADAPTABLE, "Global launch window; Japan launches once PMDA approval and hospital trials are in."),
                    agree(39, JAPAN, "田中 誠（メディカル部長）"),
                    agree(38, HQ, "Robert Hayes"))));

    private static final Map<String, List<Entry>> STORIES = Map.of("Northwind", NORTHWIND, "Contoso", CONTOSO);
}
