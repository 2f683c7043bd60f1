package dev.vpatch.engine.variables;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.api.Test;

class KeyedValuesTest {
  private static final String ALPHABET = "aAbBzZ_-09\u00e0\u00c0\u00ff\u00b5\u00df\u00e9\u00c9";

  @Test
  void lookupsIgnoreCaseIncludingLatin1Letters() {
    KeyedValues values = new KeyedValues();
    values.add("Content-Type", "text/html");
    values.add("caf\u00c9", "1");
    assertThat(values.get("content-type")).isEqualTo("text/html");
    assertThat(values.get("CONTENT-TYPE")).isEqualTo("text/html");
    assertThat(values.get("caf\u00e9")).isEqualTo("1");
    assertThat(values.get("content-typ")).isNull();
  }

  @Test
  void putReplacesTheFirstMemberAndDropsDuplicates() {
    KeyedValues values = new KeyedValues();
    values.add("a", "1");
    values.add("b", "2");
    values.add("A", "3");
    values.put("a", "4");
    assertThat(values.size()).isEqualTo(2);
    assertThat(values.get("A")).isEqualTo("4");
    assertThat(values.count("a")).isEqualTo(1);
    values.remove("B");
    assertThat(values.size()).isEqualTo(1);
    assertThat(values.indexOf("a")).isZero();
  }

  @RepeatedTest(50)
  void hashedLookupsAgreeWithAPlainCaseInsensitiveScan(RepetitionInfo repetition) {
    Random random = new Random(7919L * repetition.getCurrentRepetition());
    // Half of the runs size the collection ahead (as a transaction's TX is), some below what it gets.
    KeyedValues values = random.nextBoolean() ? new KeyedValues() : new KeyedValues(random.nextInt(80));
    List<String> keys = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      String key = randomKey(random);
      keys.add(key);
      values.add(key, Integer.toString(i));
    }
    for (int probe = 0; probe < 200; probe++) {
      String key = randomKey(random);
      int expectedFirst = -1;
      int expectedCount = 0;
      for (int i = 0; i < keys.size(); i++) {
        if (keys.get(i).equalsIgnoreCase(key)) {
          if (expectedFirst < 0) expectedFirst = i;
          expectedCount++;
        }
      }
      assertThat(values.indexOf(key)).as(key).isEqualTo(expectedFirst);
      assertThat(values.count(key)).as(key).isEqualTo(expectedCount);
      for (String other : keys) {
        if (other.equalsIgnoreCase(key)) {
          assertThat(KeyedValues.foldedHash(other)).isEqualTo(KeyedValues.foldedHash(key));
        }
      }
    }
  }

  @RepeatedTest(30)
  void lookupsStayExactWhileMembersAreAddedReplacedAndRemoved(RepetitionInfo repetition) {
    Random random = new Random(104_729L * repetition.getCurrentRepetition());
    // Half of the runs size the collection ahead (as a transaction's TX is), some below what it gets.
    KeyedValues values = random.nextBoolean() ? new KeyedValues() : new KeyedValues(random.nextInt(80));
    List<String[]> model = new ArrayList<>();
    for (int step = 0; step < 600; step++) {
      String key = randomKey(random);
      int action = random.nextInt(20);
      if (action < 10) {
        values.add(key, "v" + step);
        model.add(new String[] {key, "v" + step});
      } else if (action < 14) {
        values.put(key, "p" + step);
        int first = firstIn(model, key, 0);
        if (first < 0) {
          model.add(new String[] {key, "p" + step});
        } else {
          model.get(first)[1] = "p" + step;
          for (int i = model.size() - 1; i > first; i--) if (model.get(i)[0].equalsIgnoreCase(key)) model.remove(i);
        }
      } else if (action < 16) {
        values.remove(key);
        model.removeIf(member -> member[0].equalsIgnoreCase(key));
      } else if (action == 16 && random.nextInt(10) == 0) {
        values.clear();
        model.clear();
      }
      assertThat(values.size()).isEqualTo(model.size());
      String probe = randomKey(random);
      int from = model.isEmpty() ? 0 : random.nextInt(model.size());
      assertThat(values.indexOf(probe, KeyedValues.foldedHash(probe), from)).as(probe).isEqualTo(firstIn(model, probe, from));
      assertThat(values.get(probe)).isEqualTo(firstIn(model, probe, 0) < 0 ? null : model.get(firstIn(model, probe, 0))[1]);
    }
  }

  @RepeatedTest(30)
  void literalKeysSharedByTransactionsFindEachOnesMemberWhateverTheOtherLeftBehind(RepetitionInfo repetition) {
    Random random = new Random(15_485_863L * repetition.getCurrentRepetition());
    // The sites of one rule set, used by two transactions in turn: each site's last position is
    // then the other transaction's as often as its own.
    List<LiteralKey> sites = new ArrayList<>();
    for (int i = 0; i < 12; i++) sites.add(new LiteralKey(KeyedValues.foldedKey(randomKey(random))));
    List<KeyedValues> transactions = List.of(KeyedValues.withUniqueKeys(8), KeyedValues.withUniqueKeys(0));
    List<List<String[]>> models = List.of(new ArrayList<>(), new ArrayList<>());
    for (int step = 0; step < 800; step++) {
      int t = random.nextInt(2);
      KeyedValues values = transactions.get(t);
      List<String[]> model = models.get(t);
      LiteralKey site = sites.get(random.nextInt(sites.size()));
      // Members also come under keys spelled otherwise (another case, a macro-made name).
      String spelled = random.nextBoolean() ? site.text() : randomCase(site.text(), random);
      int action = random.nextInt(10);
      if (action < 3) {
        values.put(site, "s" + step);
        upsert(model, site.text(), "s" + step);
      } else if (action < 5) {
        values.add(spelled, "a" + step);
        upsert(model, spelled, "a" + step);
      } else if (action < 7) {
        String other = randomKey(random);
        values.put(other, "o" + step);
        upsert(model, other, "o" + step);
      } else if (action < 9) {
        values.remove(spelled);
        model.removeIf(member -> member[0].equalsIgnoreCase(spelled));
      } else if (random.nextInt(8) == 0) {
        values.clear();
        model.clear();
      }
      assertThat(values.size()).isEqualTo(model.size());
      LiteralKey probe = sites.get(random.nextInt(sites.size()));
      int expected = firstIn(model, probe.text(), 0);
      assertThat(values.indexOf(probe)).as(probe.text()).isEqualTo(expected);
      assertThat(values.get(probe)).isEqualTo(expected < 0 ? null : model.get(expected)[1]);
      assertThat(values.count(probe.text())).isEqualTo(expected < 0 ? 0 : 1);
    }
  }

  @Test
  void nextIndexOfALiteralKeyWalksDuplicatesOnlyWhereKeysMayRepeat() {
    LiteralKey id = new LiteralKey("id");
    KeyedValues args = new KeyedValues();
    for (String key : new String[] {"ID", "x", "id", "Id"}) args.add(key, "");
    assertThat(args.indexOf(id)).isZero();
    assertThat(args.nextIndexOf(id, 0)).isEqualTo(2);
    assertThat(args.nextIndexOf(id, 2)).isEqualTo(3);
    assertThat(args.nextIndexOf(id, 3)).isEqualTo(-1);
    KeyedValues tx = KeyedValues.withUniqueKeys(4);
    for (String key : new String[] {"ID", "x", "id", "Id"}) tx.add(key, key);
    assertThat(tx.size()).isEqualTo(2);
    assertThat(tx.get(id)).isEqualTo("Id");
    assertThat(tx.nextIndexOf(id, tx.indexOf(id))).isEqualTo(-1);
  }

  /** A unique-key collection's put: the member with the key gets the value, or a new one comes last. */
  private static void upsert(List<String[]> model, String key, String value) {
    int first = firstIn(model, key, 0);
    if (first < 0) model.add(new String[] {key, value});
    else model.get(first)[1] = value;
  }

  private static String randomCase(String key, Random random) {
    StringBuilder spelled = new StringBuilder();
    for (char c : key.toCharArray()) spelled.append(random.nextBoolean() ? Character.toUpperCase(c) : c);
    return spelled.toString();
  }

  private static int firstIn(List<String[]> model, String key, int from) {
    for (int i = from; i < model.size(); i++) if (model.get(i)[0].equalsIgnoreCase(key)) return i;
    return -1;
  }

  private static String randomKey(Random random) {
    int length = 1 + random.nextInt(3);
    StringBuilder key = new StringBuilder();
    for (int i = 0; i < length; i++) key.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
    return key.toString();
  }

  @Test
  void aFoldedKeyFindsTheSameMembersAsTheKeyAsWritten() {
    KeyedValues values = new KeyedValues();
    for (String key : new String[] {"blocking_paranoia_level", "Content-Type", "\u017Fession"}) values.add(key, "");
    for (String key : new String[] {"BLOCKING_PARANOIA_LEVEL", "content-TYPE", "SESSION", "\u017Fession", "absent"}) {
      String folded = KeyedValues.foldedKey(key);
      assertThat(values.indexOf(folded)).as(key).isEqualTo(values.indexOf(key));
      assertThat(KeyedValues.foldedHash(folded)).isEqualTo(KeyedValues.foldedHash(key));
    }
    String lower = "already_folded";
    assertThat(KeyedValues.foldedKey(lower)).isSameAs(lower);
    assertThat(KeyedValues.foldedKey("TX:Anomaly_Score")).isEqualTo("tx:anomaly_score");
  }
}
