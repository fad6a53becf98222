package com.kakehashi.bootstrap;

import com.kakehashi.bootstrap.DemoStory.Tone;
import com.kakehashi.participant.Side;

import java.util.List;
import java.util.Map;
import java.util.Random;

/** What demo respondents write in the optional comment box, by side, tone of the time and language. */
final class DemoComments {

    private static final Map<Tone, List<String>> JAPAN_JA = Map.of(
            Tone.CALM, List.of(
                    "本社との定例会議は役に立っている。",
                    "新製品の投入時期は、もう少し早めに共有してもらえると助かる。",
                    "特に大きな問題はないが、時差のため会議の調整が大変。",
                    "現場の状況を本社に伝える機会がもっとあると良い。"),
            Tone.STRAINED, List.of(
                    "組織再編以降、重要な決定が事後に知らされることが増えた。",
                    "本社の会議では発言しにくい雰囲気がある。",
                    "日本市場の事情を説明しても、結論はすでに決まっているように感じる。",
                    "新しいレポートラインで、誰に相談すればよいのか分からない。",
                    "資料作成の負担が増え、本来の業務が進まない。"),
            Tone.RECOVERING, List.of(
                    "最近は決定前に意見を聞いてもらえるようになってきた。",
                    "ワークショップで本社と率直に話せたのは良かった。",
                    "まだ課題はあるが、以前より風通しは良くなっている。",
                    "日本側の提案が計画に反映されるようになった。"),
            Tone.RISK_DEBATE, List.of(
                    "発売を急ぎすぎると、品質問題で信頼を失うリスクがある。",
                    "当局対応に十分な時間が取れていない。",
                    "本社はスピードを重視しすぎていると感じる。"));

    private static final Map<Tone, List<String>> JAPAN_EN = Map.of(
            Tone.CALM, List.of(
                    "Regular calls with HQ work well for us.",
                    "It would help to hear about roadmap changes a bit earlier."),
            Tone.STRAINED, List.of(
                    "Since the restructuring we mostly hear about decisions after they are made.",
                    "Hard to raise concerns in the global calls.",
                    "Not clear who at HQ owns Japan topics now."),
            Tone.RECOVERING, List.of(
                    "HQ asks for our input earlier now. A good change.",
                    "The joint workshops helped. Still some way to go."),
            Tone.RISK_DEBATE, List.of(
                    "The launch timeline feels too aggressive for this market."));

    private static final Map<Tone, List<String>> HQ_EN = Map.of(
            Tone.CALM, List.of(
                    "Japan team is delivering well on the plan.",
                    "Good collaboration with Tokyo this quarter.",
                    "Reports from Japan are very thorough.",
                    "Time zone overlap with Tokyo remains a challenge."),
            Tone.STRAINED, List.of(
                    "The new structure is working; Japan seems on board.",
                    "Japan has been quiet in recent calls, but no objections were raised.",
                    "Would like faster decisions from the Japan side."),
            Tone.RECOVERING, List.of(
                    "The workshops showed we had not heard some of Japan's concerns.",
                    "We now bring Japan into planning earlier."),
            Tone.RISK_DEBATE, List.of(
                    "Japan is more cautious about the launch than the market needs.",
                    "We need Japan to move faster on the launch."));

    private DemoComments() {
    }

    static String pick(Side side, String language, Tone tone, Random random) {
        List<String> pool = side != Side.JAPAN ? HQ_EN.get(tone)
                : "ja".equals(language) ? JAPAN_JA.get(tone) : JAPAN_EN.get(tone);
        return pool.get(random.nextInt(pool.size()));
    }
}
