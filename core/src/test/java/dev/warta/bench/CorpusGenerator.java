package dev.warta.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * A deterministic synthetic news archive with topic labels, for measuring related articles and
 * for benchmarking whole builds.
 *
 * <p>Thirty topics in eight sections, each with its own Indonesian and English words and three to
 * six recurring names, drowned in generic news words; some words and names leak between topics of
 * a section and across the archive, tags are partly generic or missing, so that no single signal
 * gives the topic away. Dates spread over 2005 to 2025, 70% of the articles are Indonesian.
 *
 * <p>Generation runs in two steps: a sequential plan (dates, topics, titles, tags: cheap), then
 * bodies, each from its own seed, so bodies can be made in parallel, lazily, and still be the same
 * for the same seed.
 */
public final class CorpusGenerator {

  private static final ZoneOffset JAKARTA = ZoneOffset.ofHours(7);

  /** key | section | Indonesian words | English words | names | topic tags. */
  private static final String[] TOPICS = {
    "pemilu|politik|pemilu suara pemilih kampanye calon presiden tps kotak surat hitung kpu"
        + " quick count debat elektabilitas survei|election vote voters campaign candidate"
        + " presidential ballot polling station count debate survey turnout electoral"
        + "|Hasyim Prasetyo,Komisi Pemilihan Umum,Rudi Santoso,Bawaslu Jakarta|pemilu,pilpres,kpu",
    "legislasi|politik|undang rancangan dpr rapat paripurna fraksi pasal revisi sidang anggota"
        + " legislasi pembahasan|bill parliament plenary session faction article revision lawmakers"
        + " legislation draft amendment committee|Puan Wirahadi,Dewan Perwakilan Rakyat,Badan"
        + " Legislasi,Arif Nugroho|dpr,ruu,legislasi",
    "pilkada|politik|pilkada gubernur bupati wali kandidat pasangan petahana dukungan kampanye"
        + " daerah pencoblosan|regional governor regent mayor candidate pair incumbent support"
        + " district local ballot|Bima Arya Kusuma,Ridwan Hakim,Partai Nusantara Raya,Sulawesi"
        + " Selatan|pilkada,gubernur,kepala daerah",
    "koalisi|politik|partai koalisi oposisi ketua umum kader munas dukungan menteri kabinet"
        + " reshuffle|party coalition opposition chairman cadre congress cabinet minister"
        + " reshuffle alliance|Airlangga Mahendra,Partai Amanat Rakyat,Megawati Sundari,Istana"
        + " Merdeka|koalisi,partai,kabinet",
    "korea|internasional|rudal nuklir peluncuran semenanjung sanksi uji balistik pyongyang"
        + " diplomasi perbatasan|missile nuclear launch peninsula sanctions test ballistic"
        + " pyongyang diplomacy border|Kim Jong Un,Moon Jae Sung,Korea Utara,Dewan Keamanan"
        + " PBB,Seoul Raya|korea utara,nuklir,rudal",
    "timteng|internasional|gaza serangan gencatan senjata pengungsi bantuan kemanusiaan"
        + " perundingan israel palestina|gaza strike ceasefire refugees humanitarian aid"
        + " negotiations israel palestinian hostages|Benyamin Arad,Hamas Brigade,Tepi"
        + " Barat,Mahmud Rashid,Liga Arab|gaza,palestina,timur tengah",
    "ukraina|internasional|invasi pasukan front serangan drone rudal kyiv wilayah mobilisasi"
        + " tentara|invasion troops front offensive drone missile kyiv territory mobilization"
        + " soldiers|Volodymyr Zelenko,Vladimir Petrov,Pakta Atlantik Utara,Kharkiv"
        + " Oblast|ukraina,rusia,perang",
    "lcs|internasional|laut kapal penjaga pantai klaim perairan nelayan natuna patroli kedaulatan"
        + " zona|sea vessel coast guard claim waters fishermen natuna patrol sovereignty"
        + " zone|Laut Cina Selatan,Badan Keamanan Laut,Wang Yilong,Kepulauan Spratly|natuna,laut"
        + " china selatan,maritim",
    "iklim|internasional|iklim emisi karbon pemanasan global konferensi energi terbarukan"
        + " target pendanaan|climate emissions carbon warming global conference renewable"
        + " energy pledge finance|Antonio Gutierrez,Perjanjian Paris,Konferensi Para Pihak,Greta"
        + " Lindqvist|iklim,emisi,cop",
    "inflasi|ekonomi|inflasi suku bunga harga kenaikan moneter rupiah kurs deflasi konsumen"
        + " bi rate|inflation interest rate price hike monetary rupiah exchange deflation"
        + " consumer benchmark|Bank Indonesia,Perry Wijaya,Badan Pusat Statistik,Dewan Gubernur"
        + "|inflasi,suku bunga,bank indonesia",
    "bbm|ekonomi|bbm bensin solar subsidi pertalite harga kuota spbu minyak pasokan|fuel"
        + " gasoline diesel subsidy pertalite price quota station oil supply|Pertamina"
        + " Patra,Nicke Wulandari,Kementerian Energi,Bahlil Rahmat|bbm,subsidi,pertamina",
    "saham|ekonomi|saham indeks ihsg investor bursa emiten transaksi dividen asing melemah"
        + " menguat|stock index investors exchange issuer trading dividend foreign weakened"
        + " strengthened shares|Bursa Efek Indonesia,Iman Rachmat,Otoritas Jasa Keuangan,Wall"
        + " Street|saham,ihsg,bursa",
    "sawit|ekonomi|sawit ekspor cpo petani kebun minyak goreng larangan komoditas pungutan"
        + " tandan|palm export cpo farmers plantation cooking oil ban commodity levy"
        + " fruit|Gabungan Pengusaha Sawit,Sahat Sinaga,Uni Eropa,Riau Daratan|sawit,cpo,ekspor",
    "apbn|ekonomi|pajak anggaran apbn defisit utang penerimaan belanja fiskal insentif"
        + " ppn|tax budget deficit debt revenue spending fiscal incentive vat treasury|Sri"
        + " Mulyani Wardhani,Kementerian Keuangan,Direktorat Jenderal Pajak,Suahasil"
        + " Nazar|pajak,apbn,fiskal",
    "timnas|olahraga|timnas sepak bola pelatih gol pertandingan piala kualifikasi pemain skuad"
        + " stadion|national team football coach goal match cup qualifier players squad"
        + " stadium|Shin Tae Yong,Persatuan Sepak Bola,Stadion Gelora Bung Karno,Asnawi"
        + " Mangkualam,Marselino Ferdinan|timnas,sepak bola,pssi",
    "badminton|olahraga|bulu tangkis ganda tunggal turnamen final juara raket smes set"
        + " unggulan|badminton doubles singles tournament final champion racket smash set"
        + " seeded|Kevin Sanjaya,Marcus Gideon,Jonatan Christie,Istora Senayan,All"
        + " England|bulutangkis,badminton,pbsi",
    "motogp|olahraga|balap motor sirkuit pebalap podium kualifikasi lap tikungan ban"
        + " klasemen|racing motorcycle circuit rider podium qualifying lap corner tyre"
        + " standings|Sirkuit Mandalika,Marc Marquez,Francesco Bagnaia,Ducati Lenovo|motogp,balap,mandalika",
    "olimpiade|olahraga|olimpiade medali emas atlet kontingen angkat besi panahan cabang"
        + " pelatnas rekor|olympics medal gold athletes contingent weightlifting archery sport"
        + " training record|Eko Yuli Irawan,Komite Olimpiade Indonesia,Windy Cantika,Paris"
        + " Olimpiade|olimpiade,medali,atlet",
    "ai|teknologi|kecerdasan buatan algoritma model data chatbot otomatisasi mesin"
        + " pembelajaran etika regulasi|artificial intelligence algorithm model data chatbot"
        + " automation machine learning ethics regulation|Open Mind Labs,Sam Altman"
        + " Reyes,Kementerian Komunikasi,Silicon Valley|ai,kecerdasan buatan,teknologi",
    "siber|teknologi|siber peretas kebocoran data serangan ransomware server keamanan sandi"
        + " akun|cyber hackers breach data attack ransomware server security password"
        + " accounts|Badan Siber Sandi Negara,Bjorka Anonim,Pusat Data Nasional,Hinsa"
        + " Siburian|siber,peretasan,kebocoran data",
    "ponsel|teknologi|ponsel jaringan sinyal operator internet kecepatan frekuensi menara"
        + " spektrum pelanggan|smartphone network signal operator internet speed frequency tower"
        + " spectrum subscribers|Telkom Selular,Samsung Galaxy,Indosat Ooredoo,Apple"
        + " Cupertino|5g,ponsel,telekomunikasi",
    "gempa|sains|gempa magnitudo tsunami guncangan episentrum kedalaman bmkg patahan"
        + " lempeng peringatan|earthquake magnitude tsunami tremor epicenter depth fault plate"
        + " warning aftershock|Badan Meteorologi Klimatologi,Dwikorita Karnawati,Palu"
        + " Donggala,Cianjur Selatan|gempa,tsunami,bmkg",
    "gunung|sains|gunung erupsi letusan lahar abu vulkanik status siaga kawah awan"
        + " panas|volcano eruption lava ash volcanic status alert crater pyroclastic"
        + " evacuation|Gunung Merapi,Gunung Semeru,Pusat Vulkanologi,Lereng Sleman|erupsi,gunung"
        + " api,vulkanologi",
    "antariksa|sains|satelit roket antariksa orbit peluncuran astronom planet teleskop"
        + " bulan misi|satellite rocket space orbit launch astronomer planet telescope moon"
        + " mission|Badan Riset Inovasi,Space Exploration Corp,Observatorium Bosscha,Thomas"
        + " Djamaluddin|antariksa,satelit,astronomi",
    "covid|kesehatan|covid pandemi vaksin virus varian kasus positif isolasi booster"
        + " karantina|covid pandemic vaccine virus variant cases positive isolation booster"
        + " quarantine|Budi Gunadi Sadikin,Organisasi Kesehatan Dunia,Wisma Atlet,Satgas"
        + " Covid|covid,vaksin,pandemi",
    "stunting|kesehatan|stunting gizi balita anak posyandu ibu hamil tumbuh kembang"
        + " makanan|stunting nutrition toddlers children health post mothers pregnant growth"
        + " food|Hasto Wardoyo,Badan Kependudukan Keluarga,Posyandu Melati,Nusa Tenggara"
        + " Timur|stunting,gizi,balita",
    "dbd|kesehatan|demam berdarah nyamuk dengue fogging jentik trombosit rawat pasien"
        + " wabah|dengue fever mosquito fogging larvae platelets hospitalized patients outbreak"
        + " aedes|Dinas Kesehatan Provinsi,Wolbachia Project,Rumah Sakit Umum|dbd,demam"
        + " berdarah,nyamuk",
    "korupsi|hukum|korupsi suap tersangka penyidik gratifikasi operasi tangkap tangan"
        + " penggeledahan dakwaan|corruption bribery suspect investigators gratuity sting"
        + " operation search indictment graft|Komisi Pemberantasan Korupsi,Nawawi"
        + " Pomolango,Pengadilan Tipikor,Gedung Merah Putih|korupsi,kpk,suap",
    "narkoba|hukum|narkoba sabu ganja bandar penyelundupan gram kurir barang bukti"
        + " rehabilitasi|drugs methamphetamine marijuana dealer smuggling grams courier evidence"
        + " rehabilitation|Badan Narkotika Nasional,Petrus Golose,Bandara Soekarno"
        + " Hatta,Selat Malaka|narkoba,sabu,bnn",
    "teror|hukum|teroris densus jaringan bom penangkapan radikal ideologi senjata terduga"
        + " deradikalisasi|terrorist counterterrorism network bomb arrest radical ideology"
        + " weapons suspected deradicalization|Densus Delapan Delapan,Jamaah Islamiyah,Badan"
        + " Penanggulangan Terorisme,Boy Rafli|terorisme,densus,radikalisme",
  };

  private static final String[] GENERIC_ID =
      ("pemerintah menurut mengatakan kata juga tersebut akan telah sudah masih lebih banyak hari"
              + " tahun bulan pekan warga masyarakat pihak kepala daerah kota provinsi nasional"
              + " kebijakan program rencana upaya kondisi situasi data laporan informasi media"
              + " wartawan keterangan rabu kamis jumat senin selasa sabtu minggu pagi siang malam"
              + " terkait sejumlah berbagai penting besar baru lama pertama kedua utama sekitar"
              + " hingga sementara namun karena setelah sebelum selama antara bagi kepada dari"
              + " dengan untuk dalam pada yang dan ini itu ada tidak bisa harus perlu dapat"
              + " menjadi memberikan melakukan menyampaikan menjelaskan menambahkan meminta"
              + " berharap terus kembali langsung resmi publik umum sosial layanan kegiatan"
              + " peristiwa lokasi jumlah persen angka target hasil proses harga bantuan")
          .split(" ");
  private static final String[] GENERIC_EN =
      ("government said according also would will has have been more many day year month week"
              + " people residents officials official local city province national policy program"
              + " plan effort condition situation data report information media reporters"
              + " statement monday tuesday wednesday thursday friday saturday sunday morning"
              + " afternoon evening related several various important major new long first"
              + " second main around until meanwhile however because after before during"
              + " between for with from into the and this that there not could must need can"
              + " become give carry deliver explain added asked hope continue again directly"
              + " officially public general social service activity event location number"
              + " percent figure target result process price aid")
          .split(" ");
  private static final String[] GENERIC_TAGS = {
    "berita", "nasional", "viral", "pilihan editor", "headline", "terkini", "analisis",
    "eksklusif", "opini", "breaking news", "trending", "indonesia"
  };
  private static final String[] AUTHORS = {
    "Rina Marlina", "Agus Setiawan", "Dewi Lestari", "Bayu Pratama", "Siti Nurhaliza",
    "Andi Saputra", "Yohanes Tanu", "Maria Ulfa", "Fajar Ramadhan", "Lina Kartika",
    "Hendra Wijaya", "Putri Ayu", "Teguh Santoso", "Nadia Rahma", "Rizky Hidayat",
    "Made Wirawan", "Ketut Sudarma", "Intan Permata", "Joko Susilo", "Wulan Sari"
  };

  private final Topic[] topics;

  /** A generator over the built-in topics. */
  public CorpusGenerator() {
    topics = new Topic[TOPICS.length];
    for (int i = 0; i < TOPICS.length; i++) {
      String[] f = TOPICS[i].split("\\|");
      topics[i] =
          new Topic(
              f[0], f[1], f[2].split(" "), f[3].split(" "), f[4].split(","), f[5].split(","));
    }
  }

  private record Topic(
      String key, String section, String[] idWords, String[] enWords, String[] names,
      String[] tags) {}

  /** What the plan knows of an article before its body is written. */
  private record Plan(
      int index, OffsetDateTime date, int topic, String lang, String title, String path,
      List<String> tags, List<String> authors, List<Integer> readAlso) {}

  /** {@code n} articles, oldest first; the same for the same seed. */
  public List<GeneratedArticle> generate(int n, long seed) {
    return stream(n, seed).toList();
  }

  /** The same articles as {@link #generate}, made lazily; parallel streams keep the result. */
  public Stream<GeneratedArticle> stream(int n, long seed) {
    List<Plan> plans = plan(n, seed);
    return IntStream.range(0, n).mapToObj(i -> article(plans, i, seed));
  }

  private List<Plan> plan(int n, long seed) {
    Random random = new Random(seed);
    long start = OffsetDateTime.of(2005, 1, 1, 0, 0, 0, 0, JAKARTA).toEpochSecond();
    long end = OffsetDateTime.of(2025, 12, 31, 23, 59, 0, 0, JAKARTA).toEpochSecond();
    long[] seconds = new long[n];
    for (int i = 0; i < n; i++) {
      seconds[i] = start + (long) (random.nextDouble() * (end - start)) / 60 * 60;
    }
    java.util.Arrays.sort(seconds);
    // some topics are much busier than others, as in a real archive
    double[] popularity = new double[topics.length];
    double total = 0;
    for (int t = 0; t < topics.length; t++) {
      popularity[t] = 1.0 / (1 + 0.08 * t);
      total += popularity[t];
    }
    List<List<Integer>> byTopic = new ArrayList<>();
    for (int t = 0; t < topics.length; t++) {
      byTopic.add(new ArrayList<>());
    }
    Set<String> paths = new HashSet<>();
    List<Plan> plans = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      double pick = random.nextDouble() * total;
      int topic = 0;
      while (topic < topics.length - 1 && (pick -= popularity[topic]) > 0) {
        topic++;
      }
      Topic tp = topics[topic];
      String lang = random.nextDouble() < 0.7 ? "id" : "en";
      OffsetDateTime date =
          LocalDateTime.ofEpochSecond(seconds[i], 0, JAKARTA).atOffset(JAKARTA);
      String title = title(random, tp, lang);
      String slug = slug(title);
      String path = tp.section() + "/" + date.getYear() + "/" + slug + ".md";
      for (int k = 2; !paths.add(path); k++) {
        path = tp.section() + "/" + date.getYear() + "/" + slug + "-" + k + ".md";
      }
      List<Integer> earlier = byTopic.get(topic);
      List<Integer> readAlso = new ArrayList<>();
      if (!earlier.isEmpty() && random.nextDouble() < 0.3) {
        int links = 1 + random.nextInt(2);
        for (int k = 0; k < links; k++) {
          // mostly recent stories, as editors link follow-ups
          int back = Math.min(earlier.size(), 1 + random.nextInt(20));
          readAlso.add(earlier.get(earlier.size() - back));
        }
      }
      plans.add(
          new Plan(i, date, topic, lang, title, path, tags(random, topic), authors(random),
              List.copyOf(new LinkedHashSet<>(readAlso))));
      earlier.add(i);
    }
    return plans;
  }

  private String title(Random random, Topic tp, String lang) {
    String[] words = lang.equals("id") ? tp.idWords() : tp.enWords();
    String[] generic = lang.equals("id") ? GENERIC_ID : GENERIC_EN;
    List<String> parts = new ArrayList<>();
    int topical = 2 + random.nextInt(3);
    for (int k = 0; k < topical; k++) {
      parts.add(words[random.nextInt(words.length)]);
    }
    int common = 1 + random.nextInt(3);
    for (int k = 0; k < common; k++) {
      parts.add(generic[random.nextInt(generic.length)]);
    }
    java.util.Collections.shuffle(parts, random);
    if (random.nextDouble() < 0.5) {
      parts.add(random.nextInt(parts.size()), tp.names()[random.nextInt(tp.names().length)]);
    }
    StringBuilder sb = new StringBuilder();
    for (String p : parts) {
      for (String w : p.split(" ")) {
        if (sb.length() > 0) {
          sb.append(' ');
        }
        sb.append(Character.toUpperCase(w.charAt(0))).append(w.substring(1));
      }
    }
    return sb.toString();
  }

  private List<String> tags(Random random, int topic) {
    if (random.nextDouble() < 0.22) {
      return List.of(); // untagged, as many old articles are
    }
    Set<String> tags = new LinkedHashSet<>();
    if (random.nextDouble() < 0.5) {
      String[] own = topics[topic].tags();
      tags.add(own[random.nextInt(own.length)]);
      if (random.nextDouble() < 0.3) {
        tags.add(own[random.nextInt(own.length)]);
      }
    }
    if (random.nextDouble() < 0.8) {
      tags.add(GENERIC_TAGS[random.nextInt(GENERIC_TAGS.length)]);
      if (random.nextDouble() < 0.4) {
        tags.add(GENERIC_TAGS[random.nextInt(GENERIC_TAGS.length)]);
      }
    }
    if (random.nextDouble() < 0.15) {
      String[] other = topics[random.nextInt(topics.length)].tags();
      tags.add(other[random.nextInt(other.length)]);
    }
    List<String> out = new ArrayList<>();
    for (String tag : tags) {
      // editors are not consistent about case
      out.add(random.nextDouble() < 0.2 ? tag.toUpperCase(Locale.ROOT) : tag);
    }
    return out;
  }

  private List<String> authors(Random random) {
    String first = AUTHORS[random.nextInt(AUTHORS.length)];
    String second = AUTHORS[random.nextInt(AUTHORS.length)];
    return random.nextDouble() < 0.2 && !first.equals(second)
        ? List.of(first, second)
        : List.of(first);
  }

  private GeneratedArticle article(List<Plan> plans, int i, long seed) {
    Plan plan = plans.get(i);
    SplittableRandom random = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + i);
    Topic tp = topics[plan.topic()];
    boolean id = plan.lang().equals("id");
    int words = 150 + random.nextInt(651);
    int paragraphs = 3 + random.nextInt(6);
    List<StringBuilder> paras = new ArrayList<>();
    for (int p = 0; p < paragraphs; p++) {
      paras.add(new StringBuilder());
    }
    int written = 0;
    int p = 0;
    while (written < words) {
      StringBuilder para = paras.get(p % paragraphs);
      if (para.length() > 0) {
        para.append(' ');
      }
      written += sentence(random, plan.topic(), id, para);
      if (random.nextDouble() < 0.35) {
        p++;
      }
    }
    StringBuilder body = new StringBuilder();
    List<Integer> readAlso = new ArrayList<>(plan.readAlso());
    for (int k = 0; k < paragraphs; k++) {
      if (paras.get(k).length() == 0) {
        continue;
      }
      if (k == 1 && random.nextDouble() < 0.1) {
        body.append("## ").append(capitalise(pick(random, id ? tp.idWords() : tp.enWords())))
            .append(' ').append(pick(random, id ? tp.idWords() : tp.enWords())).append("\n\n");
      }
      body.append(paras.get(k)).append("\n\n");
      if (!readAlso.isEmpty() && k < paragraphs - 1 && random.nextDouble() < 0.5) {
        body.append(id ? "Baca juga: " : "Read also: ")
            .append(plans.get(readAlso.remove(0)).title())
            .append("\n\n");
      }
    }
    return new GeneratedArticle(
        plan.path(), plan.title(), plan.lang(), plan.date(), tp.section(), plan.tags(),
        plan.authors(), tp.key(), body.toString().strip() + "\n");
  }

  /** Appends one sentence and returns its number of words. */
  private int sentence(SplittableRandom random, int topic, boolean id, StringBuilder out) {
    Topic tp = topics[topic];
    int length = 8 + random.nextInt(11);
    List<String> words = new ArrayList<>(length + 4);
    for (int k = 0; k < length; k++) {
      double r = random.nextDouble();
      Topic source = tp;
      if (r < 0.06) {
        source = tp;
      } else if (r < 0.11) {
        source = neighbour(random, topic);
      } else if (r < 0.14) {
        source = topics[random.nextInt(topics.length)];
      } else {
        words.add(pick(random, id ? GENERIC_ID : GENERIC_EN));
        continue;
      }
      words.add(pick(random, id ? source.idWords() : source.enWords()));
    }
    if (random.nextDouble() < 0.2) {
      // mostly the topic's own people and places, often someone from elsewhere
      Topic who = random.nextDouble() < 0.7 ? tp : topics[random.nextInt(topics.length)];
      String name = pick(random, who.names());
      int at = random.nextDouble() < 0.15 ? 0 : 1 + random.nextInt(words.size() - 1);
      words.add(at, name);
    }
    if (random.nextDouble() < 0.05) {
      int at = 1 + random.nextInt(words.size() - 2);
      words.set(at, "**" + words.get(at) + " " + words.get(at + 1) + "**");
      words.remove(at + 1);
    } else if (random.nextDouble() < 0.04) {
      int at = 1 + random.nextInt(words.size() - 1);
      words.set(at, "[" + words.get(at) + "](https://bench.example/tautan/" + at + ")");
    }
    words.set(0, capitalise(words.get(0)));
    out.append(String.join(" ", words)).append('.');
    return length;
  }

  private Topic neighbour(SplittableRandom random, int topic) {
    List<Topic> same = new ArrayList<>();
    for (Topic t : topics) {
      if (t.section().equals(topics[topic].section()) && t != topics[topic]) {
        same.add(t);
      }
    }
    return same.get(random.nextInt(same.size()));
  }

  private static String pick(SplittableRandom random, String[] words) {
    return words[random.nextInt(words.length)];
  }

  private static String capitalise(String w) {
    return Character.toUpperCase(w.charAt(0)) + w.substring(1);
  }

  private static String slug(String title) {
    return title.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
  }

  /**
   * Writes a site folder: {@code warta.yml} and one Markdown file with front matter per article
   * under {@code content/}.
   */
  public void writeSite(Path dir, List<GeneratedArticle> articles) {
    writeSite(dir, articles.stream());
  }

  private void writeSite(Path dir, Stream<GeneratedArticle> articles) {
    try {
      Files.createDirectories(dir);
      Files.writeString(
          dir.resolve("warta.yml"),
          "title: \"Warta Bench\"\nbaseUrl: \"https://bench.example/\"\nlanguage: id\n"
              + "timeZone: Asia/Jakarta\n",
          StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    articles.forEach(a -> write(dir.resolve("content").resolve(a.relativePath()), a));
  }

  private static void write(Path file, GeneratedArticle a) {
    StringBuilder sb = new StringBuilder("---\n");
    sb.append("title: ").append(quote(a.title())).append('\n');
    sb.append("date: ").append(a.date().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME)).append('\n');
    sb.append("authors: ").append(list(a.authors())).append('\n');
    sb.append("section: ").append(quote(a.section())).append('\n');
    sb.append("tags: ").append(list(a.tags())).append('\n');
    sb.append("lang: ").append(a.lang()).append('\n');
    sb.append("topic: ").append(quote(a.topic())).append('\n');
    sb.append("---\n").append(a.body());
    try {
      Files.createDirectories(file.getParent());
      Files.writeString(file, sb, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String list(List<String> values) {
    return values.stream().map(CorpusGenerator::quote).collect(
        java.util.stream.Collectors.joining(", ", "[", "]"));
  }

  /** A YAML double-quoted scalar. */
  static String quote(String s) {
    StringBuilder sb = new StringBuilder("\"");
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> sb.append("\\\"");
        case '\\' -> sb.append("\\\\");
        case '\n' -> sb.append("\\n");
        case '\t' -> sb.append("\\t");
        default -> {
          if (c < 0x20) {
            sb.append(String.format(Locale.ROOT, "\\x%02x", (int) c));
          } else {
            sb.append(c);
          }
        }
      }
    }
    return sb.append('"').toString();
  }

  /**
   * Writes a site of {@code N} articles: {@code CorpusGenerator N OUTPUT_DIR [SEED]}.
   */
  public static void main(String[] args) {
    if (args.length < 2 || args.length > 3) {
      System.err.println("usage: CorpusGenerator N OUTPUT_DIR [SEED]");
      System.exit(2);
    }
    int n = Integer.parseInt(args[0]);
    Path dir = Path.of(args[1]);
    long seed = args.length == 3 ? Long.parseLong(args[2]) : 42;
    long start = System.nanoTime();
    CorpusGenerator generator = new CorpusGenerator();
    generator.writeSite(dir, generator.stream(n, seed).parallel());
    System.out.printf(Locale.ROOT, "wrote %d articles to %s in %.1f s%n", n, dir,
        (System.nanoTime() - start) / 1e9);
  }
}
