using GovSite.Publishing.Files;

namespace GovSite.Tests.Publishing;

public class FilesTypesTests
{
    public static TheoryData<string, string> Accepted => new()
    {
        { nameof(FileSamples.Pdf), "application/pdf" },
        { nameof(FileSamples.Docx), "application/vnd.openxmlformats-officedocument.wordprocessingml.document" },
        { nameof(FileSamples.Xlsx), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" },
        { nameof(FileSamples.Pptx), "application/vnd.openxmlformats-officedocument.presentationml.presentation" },
        { nameof(FileSamples.Ofd), "application/ofd" },
        { nameof(FileSamples.PlainZip), "application/zip" },
        { nameof(FileSamples.Png), "image/png" },
        { nameof(FileSamples.Jpeg), "image/jpeg" },
        { nameof(FileSamples.Gif), "image/gif" },
        { nameof(FileSamples.Webp), "image/webp" },
        { nameof(FileSamples.Bmp), "image/bmp" },
        { nameof(FileSamples.Rar), "application/vnd.rar" },
        { nameof(FileSamples.SevenZip), "application/x-7z-compressed" },
        { nameof(FileSamples.Gzip), "application/gzip" },
    };

    [Theory]
    [MemberData(nameof(Accepted))]
    public void Each_accepted_kind_is_recognised_from_its_bytes(string sample, string contentType)
    {
        var bytes = (byte[])typeof(FileSamples).GetMethod(sample)!.Invoke(null, null)!;
        FileTypes.Detect(new MemoryStream(bytes)).ShouldNotBeNull().ContentType.ShouldBe(contentType);
    }

    [Theory]
    [InlineData("WordDocument", "application/msword")]
    [InlineData("Workbook", "application/vnd.ms-excel")]
    [InlineData("PowerPoint Document", "application/vnd.ms-powerpoint")]
    public void Old_office_files_are_told_apart_by_the_streams_in_their_compound_file(string stream, string contentType)
    {
        var file = FileSamples.Ole2("\u0005SummaryInformation", stream);
        FileTypes.Detect(new MemoryStream(file))!.ContentType.ShouldBe(contentType);
    }

    [Fact]
    public void A_compound_file_that_is_not_an_office_document_is_refused()
    {
        // An .msi installer is a compound file too; it has none of the office streams.
        FileTypes.Detect(new MemoryStream(FileSamples.Ole2("\u0005SummaryInformation", "\u4840\u3B3F\u43F2"))).ShouldBeNull();
    }

    [Theory]
    [InlineData(nameof(FileSamples.Exe))]
    [InlineData(nameof(FileSamples.Html))]
    [InlineData(nameof(FileSamples.SvgWithScript))]
    public void Programs_pages_and_scripted_images_are_refused(string sample)
    {
        var bytes = (byte[])typeof(FileSamples).GetMethod(sample)!.Invoke(null, null)!;
        FileTypes.Detect(new MemoryStream(bytes)).ShouldBeNull();
    }

    [Fact]
    public void A_broken_zip_is_refused_rather_than_failing()
    {
        var docx = FileSamples.Docx();
        FileTypes.Detect(new MemoryStream(docx[..(docx.Length / 2)])).ShouldBeNull();
    }

    [Fact]
    public void A_bitmap_header_must_carry_the_files_own_size()
    {
        var notBmp = FileSamples.Bmp();
        notBmp[2] = 0x99;
        FileTypes.Detect(new MemoryStream(notBmp)).ShouldBeNull();
    }

    [Theory]
    [InlineData("报告.zip", ".docx", "报告.docx")]
    [InlineData("../../etc/通知.docx", ".docx", "通知.docx")]
    [InlineData("照片.JPEG", ".jpg", "照片.jpeg")]
    [InlineData("a\"b<c>.pdf", ".pdf", "abc.pdf")]
    [InlineData("", ".pdf", "附件.pdf")]
    [InlineData("工作要点.wps", ".doc", "工作要点.wps")]
    [InlineData("工作要点.exe", ".doc", "工作要点.doc")]
    public void Names_are_cleaned_and_end_in_the_detected_type(string given, string extension, string expected)
    {
        var type = new[] { FileTypes.Docx, FileTypes.Jpeg, FileTypes.Pdf, FileTypes.Doc }.First(t => t.Extension == extension);
        FileTypes.CleanName(given, type).ShouldBe(expected);
    }
}
