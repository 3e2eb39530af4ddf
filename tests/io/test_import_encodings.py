"""Text files in any encoding: the exact text, the language, and a warning (never mojibake) for a few bad bytes."""

from __future__ import annotations

import random
import unicodedata

import pytest

from workbench.core.errors import ImportFailure
from workbench.io import registry
from workbench.io.importers.encoding import NOT_TEXT, _korean_fallback, decode_text

RU = ("Вчера вечером городской совет утвердил новый бюджет на следующий год. По словам мэра, расходы на школы и "
      "больницы вырастут почти на десять процентов, а налоги останутся прежними. Оппозиция заявила, что эти цифры "
      "не соответствуют действительности и потребовала независимой проверки.\n")
ZH_TW = ("市議會昨天批准了明年的新預算。市長表示，學校和醫院的支出將增加近百分之十，"
         "而稅收將保持不變。反對派稱這些數字與事實不符，並要求進行獨立審計。\n")
JA = ("市議会は昨日、来年度の新しい予算を承認した。市長によると、学校と病院への支出は"
      "ほぼ一割増えるが、税金は据え置かれる。野党はこれらの数字は事実と異なると主張し、独立した監査を求めた。\n")
KO = ("시의회는 어제 내년도 새 예산을 승인했다. 시장에 따르면 학교와 병원에 대한 "
      "지출은 거의 10퍼센트 늘어나지만 세금은 그대로 유지된다.\n")
EL = ("Το δημοτικό συμβούλιο ενέκρινε χθες τον νέο προϋπολογισμό για τον επόμενο χρόνο. Σύμφωνα με τον δήμαρχο, "
      "οι δαπάνες για τα σχολεία και τα νοσοκομεία θα αυξηθούν σχεδόν κατά δέκα τοις εκατό.\n")
HE = ("מועצת העיר אישרה אתמול את התקציב החדש לשנה הבאה. לדברי ראש העיר, ההוצאות על בתי ספר ובתי חולים יגדלו "
      "בכמעט עשרה אחוזים, והמסים יישארו ללא שינוי.\n")
PL = ("Rada miejska zatwierdziła wczoraj nowy budżet na przyszły rok. Według burmistrza wydatki na szkoły i szpitale "
      "wzrosną o prawie dziesięć procent, a podatki pozostaną bez zmian. "
      "Źródła zbliżone do ratusza mówią o cięciach.\n")
SK = ("Mestská rada včera schválila nový rozpočet na budúci rok. Podľa starostu výdavky na školy a nemocnice vzrastú "
      "takmer o desať percent. Šéf úradu to odmietol a ťažko sa obhajoval.\n")
TR = ("Belediye meclisi dün gelecek yılın yeni bütçesini onayladı. Muhalefet bu rakamların gerçeği yansıtmadığını "
      "söyledi ve bağımsız bir denetim istedi. İşçiler de şikâyetçi.\n")
FR = ("Le conseil municipal a approuvé hier le nouveau budget de l’année prochaine. Selon le maire, les dépenses pour "
      "les écoles et les hôpitaux augmenteront de près de dix pour cent. « C’est faux », a déclaré l’opposition à "
      "l’hôtel de ville — qui réclame un audit indépendant.\n")
FI = ("Kaupunginvaltuusto hyväksyi eilen ensi vuoden uuden talousarvion. Pormestarin mukaan koulujen ja sairaaloiden "
      "menot kasvavat lähes kymmenen prosenttia, mutta verot pysyvät ennallaan. Äänestys järjestetään myöhemmin.\n")
EN = ("The city council approved the new budget on Monday. The opposition said the figures were “simply wrong” and "
      "demanded an independent audit – a request the mayor’s office rejected.\n")


def imported(data: bytes, name: str = "note.txt") -> tuple[str, str, tuple[str, ...]]:
    bundle = registry.read_bytes(name, data)
    return bundle.text, bundle.language, bundle.warnings


@pytest.mark.parametrize(
    ("text", "codec", "language"),
    [
        (RU, "cp1251", "ru"),
        (RU, "koi8_r", "ru"),
        (RU, "iso8859_5", "ru"),
        (RU, "cp866", "ru"),
        (ZH_TW, "big5", "zh"),
        (JA, "shift_jis", "ja"),
        (JA, "euc_jp", "ja"),
        (JA, "iso2022_jp", "ja"),
        (KO, "euc_kr", "ko"),
        (EL, "cp1253", "el"),
        (HE, "cp1255", "he"),
        (PL, "cp1250", "pl"),
        (PL, "iso8859_2", "pl"),
        (SK, "iso8859_2", "sk"),
        (TR, "cp1254", "tr"),
        (FR, "cp1252", "fr"),
        (FI, "latin_1", "fi"),
        (FI, "mac_roman", "fi"),
    ],
)
def test_legacy_encodings_decode_exactly_with_their_language(text: str, codec: str, language: str) -> None:
    data = (text * 2).encode(codec)
    got, lang, warnings = imported(data)
    assert got == text * 2
    assert lang == language
    assert warnings == ()


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be"])
@pytest.mark.parametrize("text", [RU, EN, ZH_TW], ids=["ru", "en", "zh"])
def test_utf16_and_utf32_without_bom(text: str, codec: str) -> None:
    got, _lang, warnings = imported(text.encode(codec))
    assert got == text
    assert warnings == ()


def test_cp1250_is_not_read_as_cp1252_nor_the_reverse() -> None:
    assert imported(PL.encode("cp1250"))[0] == PL  # ś ź ą are not "œ Ÿ ±"
    assert imported(FR.encode("cp1252"))[0] == FR  # é è à are not cp1250's "é č ŕ"


def test_latin1_is_not_read_as_macroman_nor_curly_quotes_as_accents() -> None:
    assert imported(FI.encode("latin_1"))[0] == FI  # "ä" is not "‰"
    assert imported(EN.encode("cp1252"))[0] == EN  # “ ” – are not MacRoman's "ì î ñ"


def test_utf8_with_one_bad_byte_stays_utf8_with_a_warning() -> None:
    data = bytearray((FR + RU).encode("utf-8"))
    position = data.index("hôpitaux".encode()) + 1  # the first byte of "ô"
    data[position] = 0xFF
    got, _lang, warnings = imported(bytes(data))
    assert got == (FR + RU).replace("hôpitaux", "h\ufffd\ufffdpitaux", 1)  # 0xFF and the orphaned 0xB4
    assert "Вчера вечером" in got and "écoles" in got  # the rest is UTF-8, not MacRoman
    assert len(warnings) == 1 and "replaced" in warnings[0] and "utf-8" in warnings[0]


def test_a_utf8_file_holding_a_replacement_character_is_not_warned_about() -> None:
    got, _lang, warnings = imported(("Un caractère perdu : \ufffd. " + FR).encode("utf-8"))
    assert "\ufffd" in got and warnings == ()


@pytest.mark.parametrize(
    "data",
    [
        random.Random(4).randbytes(4096),
        b"\x00\xff\x00\xfe" * 400,
        b"\x00\x00\x00\x01" * 300,
    ],
    ids=["random", "pattern", "nuls"],
)
def test_binary_is_still_refused(data: bytes) -> None:
    with pytest.raises(ImportFailure) as info:
        decode_text("junk.txt", data)
    assert info.value.reason == NOT_TEXT


def test_declared_charset_with_bad_bytes_keeps_that_charset() -> None:
    data = FR.encode("cp1252").replace("é".encode("cp1252"), b"\x81", 1)  # 0x81 is undefined in windows-1252
    decoded = decode_text("page.html", data, declared="windows-1252")
    assert decoded.encoding == "cp1252"
    assert decoded.text.count("\ufffd") == 1 and "hôpitaux" in decoded.text
    assert len(decoded.warnings) == 1 and "declared" in decoded.warnings[0]


@pytest.mark.parametrize(
    ("text", "codec"),
    [
        ("Gradsko vijeće jučer je odobrilo novi proračun za sljedeću godinu, rekao je gradonačelnik.\n", "iso8859_2"),
        ("Rada miejska zatwierdziła wczoraj nowy budżet, a wydatki wzrosną o dziesięć procent.\n", "iso8859_2"),
        ("Der Stadtrat hat gestern den neuen Haushalt für das kommende Jahr beschlossen, sagte der Bürgermeister.\n",
         "mac_roman"),
        ("Kaupunginvaltuusto hyväksyi eilen ensi vuoden uuden talousarvion, kertoi pormestari.\n", "mac_roman"),
    ],
    ids=["hr-iso8859-2", "pl-iso8859-2", "de-macroman", "fi-macroman"],
)
def test_one_sentence_in_a_legacy_code_page(text: str, codec: str) -> None:
    """Little evidence: the letters must fit the language the ASCII words speak ("vijeće", not "vijeæe")."""
    assert imported(text.encode(codec))[0] == text


@pytest.mark.parametrize(("text", "codec"), [(FR, "utf-8"), (FR, "cp1252"), (RU, "utf-8"), (RU, "cp1251")])
@pytest.mark.parametrize("position", [101, 102])
def test_a_stray_nul_byte_does_not_make_a_file_utf16(text: str, codec: str, position: int) -> None:
    """Read as UTF-16, UTF-8 Cyrillic becomes hangul and French becomes Chinese characters."""
    data = (text * 3).encode(codec)
    data = data[:position] + b"\x00" + data[position + 1:]  # one byte overwritten by NUL
    data = data[: len(data) // 2 * 2]  # an even length, as UTF-16 would have
    got, _lang, _warnings = imported(data)
    assert got[:40] == text[:40] and text.splitlines()[0][-40:] in got


def _cp1258(text: str) -> bytes:
    """Vietnamese in windows-1258: precomposed base letters where the code page has them, tone marks combining."""
    out = b""
    for ch in text:
        try:
            out += ch.encode("cp1258")
            continue
        except UnicodeEncodeError:
            pass
        base, *marks = unicodedata.normalize("NFD", ch)
        for i, mark in enumerate(marks):  # fold one mark into the base (ô, ă, ơ...) when the code page has that
            folded = unicodedata.normalize("NFC", base + mark)
            rest = marks[:i] + marks[i + 1:]
            if len(folded) == 1 and folded.encode("cp1258", "ignore"):
                out += folded.encode("cp1258") + "".join(rest).encode("cp1258")
                break
        else:
            out += (base + "".join(marks)).encode("cp1258")
    return out


def test_vietnamese_windows_1258_keeps_its_tone_marks() -> None:
    vi = ("Hội đồng thành phố hôm qua đã thông qua ngân sách mới cho năm tới. Theo thị trưởng, chi tiêu cho trường "
          "học và bệnh viện sẽ tăng gần mười phần trăm, trong khi thuế vẫn giữ nguyên.\n")
    got = imported(_cp1258(vi))[0]
    assert unicodedata.normalize("NFC", got) == vi


@pytest.mark.parametrize("codec", ["shift_jis", "euc_jp"])
def test_standard_japanese_encodings_are_not_read_with_the_vendor_superset(codec: str) -> None:
    """cp932 reads Shift_JIS's wave dash "〜" as a fullwidth tilde "～"."""
    text = JA + "営業時間は午前９時〜午後５時です。‖ 値 − 差\n"
    assert imported(text.encode(codec))[0] == text


@pytest.mark.parametrize("codec", ["cp1253", "iso8859_7"])
def test_greek_windows_and_iso_code_pages_are_told_apart(codec: str) -> None:
    """windows-1253 puts "Ά" where ISO-8859-7 has "’", and ISO-8859-7 puts it where windows-1253 has "¶"."""
    text = ("Άρθρο του δημάρχου: «Ο προϋπολογισμός είναι ισορροπημένος». Όλοι οι σύμβουλοι ψήφισαν υπέρ, εκτός "
            "από την αντιπολίτευση. Ήταν μια δύσκολη απόφαση για την Αθήνα.\n")
    assert imported(text.encode(codec))[0] == text


def test_hungarian_pronoun_alone_is_a_word_not_mojibake() -> None:
    """ISO-8859-2 Hungarian: "ő" standing alone ("he, she") once must not send the file to cp1252 ("õ")."""
    text = ("A betegnek szüksége van egy megfelelő intézményre, ahol ő maga is biztonságban érzi magát. "
            "Az orvos szerint a kezelés hosszú lesz, de a család türelmes. Hol van most a kórház igazgatója? "
            "Ő is ott lesz a megbeszélésen, és elmondja, mi történt a múlt héten a felújítás során.\n")
    assert imported(text.encode("iso8859_2"))[0] == text


def test_windows_japanese_with_vendor_characters_is_cp932() -> None:
    """NEC/IBM characters (①, ㈱, 髙) only cp932 decodes; its "～" must not become JIS X 0213's "〜"."""
    text = JA + "お問い合わせ：㈱山田商事 髙橋 ①営業部 ②総務部 受付は月～金です。ⅰⅱⅲ\n"
    assert imported(text.encode("cp932"))[0] == text


def test_a_page_of_rare_japanese_characters_is_still_text() -> None:
    """A page listing IBM extension kanji one by one: charset-normalizer alone finds no encoding under its threshold."""
    ibm = ("纊褜鍈銈蓜俉炻昱棈鋹曻彅丨仡仼伀伃伹佖侒侊侚侔俍偀倢俿倞偆偰偂傔僴僘兊兤冝冾凬刕劜劦勀勛匀匇匤卲厓厲叝﨎"
           "咜咊咩哿喆坙坥垬埈埇﨏塚增墲夋奓奛奝奣妤妺孖寀甯寘寬尞岦岺峵崧嵓﨑嵂嵭嶸嶹巐弡弴彧德忞恝悅悊惞惕愠惲愑愷愰憘戓抦"
           "揵摠撝擎敎昀昕昻昉昮昞昤晥晗晙晴晳暙暠暲暿曺朎")
    rows = "\n".join(" ".join(ibm[i:i + 16]) + "<br>" for i in range(0, len(ibm), 16))
    text = ("<h2>IBM拡張文字（ＳＪＩＳ FA40～）</h2>\n<p>ⅰ ⅱ ⅲ ⅳ ⅴ ⅵ ⅶ ⅷ ⅸ ⅹ Ⅰ Ⅱ Ⅲ Ⅳ Ⅴ ￢ ￤ ＇ ＂ ㈱ № ℡ ∵<br>\n"
            + rows + "\n</p>\n")
    assert imported(text.encode("cp932"))[0] == text


def test_long_nul_padding_around_ascii_text_is_dropped_with_a_warning() -> None:
    """A test page padded with a thousand NULs (not UTF-16, not binary): the text, and a warning."""
    data = b"\x00" * 1070 + b"a<title>NOT UTF-16!</title>NOT UTF-16!\n"
    text, _language, warnings = imported(data, "page.txt")
    assert text == "a<title>NOT UTF-16!</title>NOT UTF-16!\n"
    assert any("NUL" in w for w in warnings)


def test_lithuanian_preposition_alone_is_a_word_not_mojibake() -> None:
    """Windows-1257 Lithuanian: "į" (into) standing alone must not send the file to cp1252 ("á", "ð", "þ")."""
    text = ("Vakar miesto taryba pritarė naujam biudžetui. Pasak mero, išlaidos mokykloms ir ligoninėms augs beveik "
            "dešimt procentų. Opozicija kreipėsi į teismą ir pareikalavo nepriklausomo audito. Sprendimas bus "
            "perduotas į Seimą kitą savaitę. Į posėdį atvyko ir ministras.\n")
    assert imported(text.encode("cp1257"))[0] == text


def test_a_lone_latvian_letter_does_not_turn_latvian_into_iso8859_10() -> None:
    """ISO-8859-13 "ē" standing alone reads as ISO-8859-10 "į"; the rest of the text is Latvian, not Lithuanian."""
    text = ("Vakar pilsētas dome apstiprināja jauno budžetu nākamajam gadam. Pēc mēra teiktā, izdevumi skolām un "
            "slimnīcām pieaugs gandrīz par desmit procentiem. Burts ē ir garais patskanis, un opozīcija pieprasīja "
            "neatkarīgu revīziju.\n")
    assert imported(text.encode("iso8859_13"))[0] == text


KO_CHAT = ("오늘 모임 어땠어¿¿ ⓞⓚ 완전 좋았음 ㉭㉭ ♡♡ 다음엔 꼭 같이 가자!! ㅠ.ㅠ\n"
           "내일은 ⓢⓔⓞⓤⓛ 에서 만나¿ 똠방 ☆ 쀍 ㉯ 시간 되면 연락줘 ⓑⓨⓔ ⌒⌒*\n")


@pytest.mark.parametrize("codec", ["cp949", "johab"])
def test_korean_chat_full_of_symbols_is_korean_not_chinese(codec: str) -> None:
    """Circled letters and "¿" beside syllables push charset-normalizer past its threshold; gb18030 was mojibake."""
    assert imported(KO_CHAT.encode(codec))[0] == KO_CHAT


@pytest.mark.parametrize("spaced", [False, True])
def test_the_korean_fallback_leaves_chinese_alone(spaced: bool) -> None:
    """GB2312 Chinese decodes as euc-kr too: long unbroken runs and as many Hanja as syllables say it is not Korean."""
    text = ("市议会 昨天 批准了 明年的 新预算 市长 表示 学校 和 医院的 "
            "支出 将 增加 近 百分之十 而 税收 将 保持 不变\n")
    if not spaced:
        text = text.replace(" ", "")
    data = text.encode("gb2312")
    data.decode("euc_kr")  # the trap: a strict Korean decode succeeds
    assert _korean_fallback(data) is None
    assert _korean_fallback(KO_CHAT.encode("cp949")) is not None
