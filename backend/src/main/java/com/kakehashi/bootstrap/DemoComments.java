package com.kakehashi.bootstrap;

import com.kakehashi.bootstrap.DemoStory.Tone;
import com.kakehashi.vocabulary.Side;

import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * What demo respondents write in the optional comment box, by side, tone of the time and language.
 * A comment is put together from an opening, a point, sometimes an afterthought and sometimes a detail,
 * so two years of history rarely repeat a sentence word for word (one fixed sentence per tone read like
 * a bot), even with half of the respondents writing.
 */
final class DemoComments {

    /** Parts of one kind of comment; {@code afterthoughts} and {@code details} may hold "" (none). */
    private record Bank(List<String> openings, List<String> points, List<String> afterthoughts, boolean japanese,
                        List<String> details) {

        Bank(List<String> openings, List<String> points, List<String> afterthoughts, boolean japanese) {
            this(openings, points, afterthoughts, japanese, List.of(""));
        }

        Bank withDetails(String... more) {
            return new Bank(openings, points, afterthoughts, japanese, List.of(more));
        }

        /** @param detail a stream of its own: adding details left every answer and every other part as it was */
        String compose(Random random, Random detail) {
            String opening = openings.get(random.nextInt(openings.size()));
            String point = points.get(random.nextInt(points.size()));
            String after = afterthoughts.get(random.nextInt(afterthoughts.size()));
            String extra = details.get(detail.nextInt(details.size()));
            if (japanese) {
                return (opening.isEmpty() ? "" : opening + "、") + point + "。" + after + extra;
            }
            String sentence = opening.isEmpty() ? capitalise(point) : opening + ", " + point;
            return sentence + "." + (after.isEmpty() ? "" : " " + after) + (extra.isEmpty() ? "" : " " + extra);
        }

        private static String capitalise(String text) {
            return Character.toUpperCase(text.charAt(0)) + text.substring(1);
        }
    }

    private static final Map<Tone, Bank> JAPAN_JA = Map.of(
            Tone.CALM, new Bank(
                    List.of("", "全体としては", "今のところ", "今期は", "個人的には", "チームとしては"),
                    List.of("本社との定例会議は役に立っている",
                            "本社からの連絡はおおむねタイミングが良い",
                            "決定事項の共有が早くなって助かっている",
                            "新製品の投入時期はもう少し早めに共有してもらえると助かる",
                            "大きな問題はないが時差のため会議の調整が大変",
                            "現場の状況を本社に伝える機会がもっとあると良い",
                            "本社の担当者とは相談しやすい関係ができている",
                            "方針の背景まで説明してもらえるので動きやすい",
                            "日本側の意見も計画に反映されていると感じる",
                            "英語の資料が多いので要点の日本語版があると助かる",
                            "本社の訪問時に現場を見てもらえたのは良かった",
                            "会議の議事録が早めに共有されるので確認しやすい",
                            "来期の方針はある程度見えているので準備は進めやすい",
                            "本社のサポート窓口の対応が丁寧で助かっている",
                            "販売目標は妥当な水準だと思う"),
                    List.of("", "", "この調子で続けてほしい。", "引き続きよろしくお願いします。", "特に不満はない。",
                            "小さな改善の余地はある。"),
                    true).withDetails(
                            "", "営業部門の立場からの意見です。", "来月の会議でも共有したい。", "顧客からの反応も良い。", "チーム内でも同じ意見が多い。",
                            "引き続き情報共有をお願いしたい。", "小さなことだが大事だと思う。"),
            Tone.STRAINED, new Bank(
                    List.of("組織再編以降", "新体制になってから", "ここ数か月", "最近", "今期に入ってから", "正直なところ"),
                    // Said the Japanese way: the "no" is a difficulty, a deferral, a hedge or a worry.
                    List.of("重要な決定が事後に知らされることが増えた",
                            "本社の会議では発言しにくい雰囲気がある",
                            "日本市場の事情を説明しても結論はすでに決まっているように感じる",
                            "新しいレポートラインで誰に相談すればよいのか分からず不安がある",
                            "今の体制で来期の計画を達成するのは正直難しいと思う",
                            "APAC経由の承認では顧客への回答が遅れるかもしれない",
                            "本社の方針には一応従っているが現場の負担が心配だ",
                            "この人員で新しい報告業務をこなすのはちょっと厳しい",
                            "新しい評価制度が日本の商習慣に合うかどうか懸念がある",
                            "本社の優先順位が頻繁に変わり現場が振り回されている",
                            "日本側の意見がどこまで反映されているのか疑問が残る",
                            "APACの承認を待つ間に商談が止まってしまうことがある",
                            "会議の決定事項の背景が見えず戸惑いを感じている",
                            "意見を出しても変わらないので最近は発言を控えている",
                            "新しい体制がうまくいくかどうか現時点ではなんとも言えない"),
                    List.of("", "社内でもう少し検討させていただきたい。", "しばらく様子を見たいと思う。", "改善を期待したい。",
                            "今後の進め方が心配だ。", "同じ意見の同僚も多い。", "いったん持ち帰って部内で相談したい。"),
                    true).withDetails(
                            "", "営業部門では特にそう感じる。", "顧客対応にも影響が出始めている。", "部内でも同じ声を聞く。", "会議の場では言いにくいので、ここに書く。",
                            "数字には表れていないかもしれない。", "具体的な例は個別に伝えたい。"),
            Tone.RECOVERING, new Bank(
                    List.of("最近は", "ワークショップ以降", "ここ数回", "少しずつだが", "以前と比べると"),
                    List.of("決定の前に意見を聞いてもらえるようになってきた",
                            "本社と率直に話せる場が増えた",
                            "風通しは良くなっている",
                            "日本側の提案が計画に反映されるようになった",
                            "誰に相談すればよいかがはっきりした",
                            "本社の会議で日本の議題にも時間が取られるようになった",
                            "決定の理由が説明されるようになった",
                            "事前説明の場ができて会議の議論についていきやすくなった",
                            "資料の日本語要約のおかげで準備がしやすくなった",
                            "日本側の声が記録に残るようになった"),
                    List.of("", "", "まだ課題はある。", "この流れが続くとよい。", "引き続き様子を見たい。"),
                    true).withDetails(
                            "", "以前より会議に参加しやすい。", "部内でも前向きな声が増えた。", "この変化は続けてほしい。", "今後も事前の相談をお願いしたい。",
                            "若手も発言するようになった。"),
            Tone.RISK_DEBATE, new Bank(
                    List.of("今回の発売計画について", "品質の観点から", "正直なところ", "日本市場の経験から言うと", "現場としては"),
                    List.of("発売を急ぎすぎると品質問題で信頼を失うリスクがある",
                            "当局対応に十分な時間が取れていない",
                            "本社はスピードを重視しすぎていると感じる",
                            "販売代理店への説明が間に合わない",
                            "試験データがそろう前の判断には不安がある",
                            "リスクの議論が形式的に終わっている"),
                    List.of("", "", "慎重に判断してほしい。", "日本側の懸念も記録に残してほしい。", "スケジュールの再検討を提案したい。"),
                    true).withDetails(
                            "", "代理店からも同じ指摘がある。", "過去の発売でも同様の問題があった。", "品質保証部とも相談している。", "数字の根拠を共有してほしい。"));

    private static final Map<Tone, Bank> JAPAN_EN = Map.of(
            Tone.CALM, new Bank(
                    List.of("", "Overall", "So far", "This quarter"),
                    List.of("regular calls with HQ work well for us",
                            "it would help to hear about roadmap changes a bit earlier",
                            "HQ explains the reasons behind decisions, which helps",
                            "time zones make joint meetings hard to schedule",
                            "our input seems to reach the plan"),
                    List.of("", "", "Thanks.", "No big issues."),
                    false).withDetails(
                            "", "The monthly summary is useful.", "Our customers notice the difference.",
                            "The team agrees.", "Small things, but they matter."),
            Tone.STRAINED, new Bank(
                    List.of("Since the restructuring", "Lately", "In the last few months", "Honestly"),
                    List.of("we mostly hear about decisions after they are made",
                            "we are somewhat worried about how decisions reach Japan now",
                            "it is not clear who at HQ owns Japan topics now",
                            "the new approval route might be difficult for our customers",
                            "reporting to both HQ and APAC slows everything down",
                            "perhaps the new structure needs more time to settle",
                            "it is hard to see where our input goes",
                            "decisions reach us as finished plans"),
                    List.of("", "We will need to consider this internally.", "Several colleagues feel the same.",
                            "We are concerned about morale.", "Hoping this changes."),
                    false).withDetails(
                            "", "Sales feels this most.", "Customers are starting to notice.",
                            "It is easier to write this here than to say it in the meeting.",
                            "Others in the team say the same."),
            Tone.RECOVERING, new Bank(
                    List.of("Lately", "Since the workshops", "Step by step", "Compared with last year"),
                    List.of("HQ asks for our input earlier",
                            "we can speak more openly with HQ",
                            "it is clearer whom to go to at HQ",
                            "our suggestions show up in the plan",
                            "Japan topics get time in the global meetings",
                            "the pre-briefings help us prepare for the strategy meetings"),
                    List.of("", "", "A good change.", "Still some way to go.", "Let's keep it up."),
                    false).withDetails(
                            "", "The team notices the change.", "Meetings feel more open.",
                            "Please keep consulting us early."),
            Tone.RISK_DEBATE, new Bank(
                    List.of("On the launch plan", "Honestly", "From our experience in Japan"),
                    List.of("the timeline feels too aggressive for this market",
                            "there is not enough time for the regulator",
                            "our distributors will not be ready in time",
                            "the risk review feels like a formality"),
                    List.of("", "", "Please reconsider the dates.", "We would like our concerns on record."),
                    false).withDetails("", "Distributors say the same.", "We saw this with the last launch."));

    private static final Map<Tone, Bank> HQ_EN = Map.of(
            Tone.CALM, new Bank(
                    List.of("", "Overall", "This quarter", "So far", "From my side", "As usual"),
                    List.of("the Japan team is delivering well on the plan",
                            "collaboration with Tokyo is good",
                            "reports from Japan are very thorough",
                            "time zone overlap with Tokyo remains a challenge",
                            "Japan raises issues early, which helps planning",
                            "the joint steering meetings are useful",
                            "Tokyo's market feedback shaped our roadmap",
                            "handovers with the Japan team run smoothly",
                            "we could share draft plans with Japan a little earlier",
                            "the Japan team answers our questions quickly",
                            "the Tokyo sales figures are in line with the plan",
                            "the shared dashboard saves us many emails"),
                    List.of("", "", "Keep it up.", "No concerns from our side.", "Thanks to the Tokyo team."),
                    false).withDetails(
                            "", "The quarterly numbers back this up.", "Customers in Japan seem happy.",
                            "The steering notes were clear.", "Nothing to escalate.", "Good teamwork this cycle."),
            Tone.STRAINED, new Bank(
                    List.of("Since the restructuring", "Lately", "From where I sit", "Overall", "This quarter", "So far"),
                    List.of("the new structure is working and Japan seems on board",
                            "the Japan team accepted the new targets without much debate",
                            "Tokyo now reports through APAC and the numbers arrive on time",
                            "the global templates are in use in Japan as well",
                            "the Japan side has fewer questions than before",
                            "Japan has been quiet in recent calls, but no objections were raised",
                            "we would like faster decisions from the Japan side",
                            "Japan follows the global plan without much discussion",
                            "the APAC reporting line has simplified things for us",
                            "I am not sure we hear everything from Tokyo"),
                    List.of("", "", "Good progress overall.", "Worth checking in with Tokyo.", "Let's keep the pace."),
                    false).withDetails(
                            "", "The numbers look fine so far.", "No escalations this cycle.",
                            "The APAC review went smoothly.", "Tokyo signed off on the plan."),
            Tone.RECOVERING, new Bank(
                    List.of("Since the workshops", "Looking back", "Lately", "Honestly", "This quarter"),
                    List.of("we had not heard some of Japan's concerns",
                            "the pre-briefings with Tokyo are worth the hour",
                            "Japan's objections now come before the decision, not after",
                            "the bilingual register makes the open points visible",
                            "we now bring Japan into planning earlier",
                            "the joint sessions with Tokyo changed some of our plans",
                            "Japan pushes back more, and that is useful",
                            "decisions take a little longer but stick better"),
                    List.of("", "", "A lesson for us.", "Worth the extra time.", "Good to see."),
                    false).withDetails(
                            "", "The Tokyo team is more vocal now.", "Planning took longer, but the plan holds.",
                            "The joint review was worth it."),
            Tone.RISK_DEBATE, new Bank(
                    List.of("On the launch", "Frankly", "From a market point of view"),
                    List.of("Japan is more cautious than the market needs",
                            "we need Japan to move faster",
                            "the regulatory concerns from Japan are worth a closer look",
                            "the debate with Tokyo is slowing the launch down"),
                    List.of("", "", "We need a decision soon.", "Let's settle this at the steering meeting."),
                    false).withDetails("", "The competitors are moving.", "The launch window is narrow."));

    private DemoComments() {
    }

    static String pick(Side side, String language, Tone tone, Random random, Random detail) {
        Bank bank = side != Side.JAPAN ? HQ_EN.get(tone)
                : "ja".equals(language) ? JAPAN_JA.get(tone) : JAPAN_EN.get(tone);
        return bank.compose(random, detail);
    }
}
